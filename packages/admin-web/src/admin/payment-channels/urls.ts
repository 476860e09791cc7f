import { PAYMENT_METHODS, type PaymentMethod } from '@oms/schema';

/** The payment channels page's state, in the URL: the channel whose edit dialog is open. */
export interface PaymentChannelsState {
  readonly edit?: PaymentMethod;
}

/** Reads the state from a query string; an unknown method opens nothing. */
export function parsePaymentChannelsSearch(search: string | URLSearchParams): PaymentChannelsState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const edit = params.get('edit');
  return edit && (PAYMENT_METHODS as readonly string[]).includes(edit) ? { edit: edit as PaymentMethod } : {};
}

/** The path of the page showing `state`. */
export function paymentChannelsUrl(state: PaymentChannelsState = {}): string {
  return state.edit ? `/admin/payment-channels?edit=${state.edit}` : '/admin/payment-channels';
}
