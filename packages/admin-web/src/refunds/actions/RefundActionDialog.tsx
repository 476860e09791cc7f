import { RetryRefundDialog } from './RetryRefundDialog';
import { SettleRefundDialog } from './SettleRefundDialog';
import type { RefundAction, RefundDialogProps } from './target';

/** The dialog of one action on one refund; mounted while open, so each opening starts afresh. */
export function RefundActionDialog({ action, ...props }: RefundDialogProps & { action: RefundAction }) {
  switch (action) {
    case 'RETRY_REFUND':
      return <RetryRefundDialog {...props} />;
    case 'SETTLE_REFUND_OFFLINE':
      return <SettleRefundDialog {...props} />;
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}
