import Chip, { type ChipProps } from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type {
  DispatchState,
  FulfilmentStatus,
  LogisticsNode,
  OrderStatus,
  PaymentStatus,
  RefundStatus,
} from '@/gql/schema';
import { enumLabel, type EnumGroup } from './enumLabel';

type Colour = NonNullable<ChipProps['color']>;
type ChipRest = Omit<ChipProps, 'label' | 'color'>;

// Colours only tell states apart at a glance; the words carry the meaning.
const ORDER_STATUS: Record<OrderStatus, Colour> = {
  PENDING_PAYMENT: 'warning',
  PAID: 'info',
  SPLIT: 'primary',
  CANCELLED: 'default',
  CLOSED: 'default',
};

const FULFILMENT_STATUS: Record<FulfilmentStatus, Colour> = {
  CREATED: 'default',
  DISPATCHED: 'info',
  ACCEPTED: 'info',
  PICKING: 'info',
  PACKED: 'info',
  SHIPPED: 'primary',
  DELIVERED: 'success',
  REJECTED: 'error',
  CANCELLED: 'default',
};

const LOGISTICS_NODE: Record<LogisticsNode, Colour> = {
  COLLECTED: 'info',
  IN_TRANSIT: 'info',
  OUT_FOR_DELIVERY: 'primary',
  SIGNED: 'success',
  EXCEPTION: 'error',
  REJECTED: 'error',
  RETURNING: 'warning',
  RETURN_SIGNED: 'warning',
};

const PAYMENT_STATUS: Record<PaymentStatus, Colour> = {
  PENDING: 'warning',
  SUCCEEDED: 'success',
  FAILED: 'error',
  REFUNDING: 'warning',
  REFUNDED: 'default',
  PARTIALLY_REFUNDED: 'default',
};

const REFUND_STATUS: Record<RefundStatus, Colour> = {
  PENDING: 'warning',
  SUCCEEDED: 'success',
  FAILED: 'error',
};

const DISPATCH_STATE: Record<DispatchState, Colour> = {
  NONE: 'default',
  PENDING: 'default',
  RETRYING: 'warning',
  DEAD_LETTER: 'error',
  ACKNOWLEDGED: 'success',
};

function StatusChip({
  group,
  value,
  colour,
  ...rest
}: { group: EnumGroup; value: string; colour: Colour | undefined } & ChipRest) {
  const { t } = useTranslation();
  return <Chip size="small" label={enumLabel(t, group, value)} color={colour ?? 'default'} {...rest} />;
}

/** The parent order's status (订单状态). */
export function OrderStatusChip({ status, ...rest }: { status: OrderStatus } & ChipRest) {
  return <StatusChip group="orderStatus" value={status} colour={ORDER_STATUS[status]} {...rest} />;
}

/** A sub-order's fulfilment status (履约状态). */
export function FulfilmentStatusChip({ status, ...rest }: { status: FulfilmentStatus } & ChipRest) {
  return <StatusChip group="fulfilmentStatus" value={status} colour={FULFILMENT_STATUS[status]} {...rest} />;
}

/** A parcel's logistics node (物流节点). */
export function LogisticsNodeChip({ node, ...rest }: { node: LogisticsNode } & ChipRest) {
  return <StatusChip group="logisticsNode" value={node} colour={LOGISTICS_NODE[node]} {...rest} />;
}

/** A payment's status. */
export function PaymentStatusChip({ status, ...rest }: { status: PaymentStatus } & ChipRest) {
  return <StatusChip group="paymentStatus" value={status} colour={PAYMENT_STATUS[status]} {...rest} />;
}

/** A refund's status. */
export function RefundStatusChip({ status, ...rest }: { status: RefundStatus } & ChipRest) {
  return <StatusChip group="refundStatus" value={status} colour={REFUND_STATUS[status]} {...rest} />;
}

/** Where a sub-order's dispatch stands. */
export function DispatchStateChip({ state, ...rest }: { state: DispatchState } & ChipRest) {
  return <StatusChip group="dispatchState" value={state} colour={DISPATCH_STATE[state]} {...rest} />;
}

/** A plain, neutral chip for an enum value (source, type, line attribute…). */
export function EnumChip({ group, value, ...rest }: { group: EnumGroup; value: string } & ChipRest) {
  return <StatusChip group={group} value={value} colour="default" variant="outlined" {...rest} />;
}
