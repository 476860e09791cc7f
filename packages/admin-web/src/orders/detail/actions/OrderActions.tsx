import type { FragmentType } from '@apollo/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderActions_OrderFragmentDoc, type OrderActions_OrderFragment } from '@/gql/graphql';
import { useFragmentData } from '@/shared/useFragmentData';
import { ActionBar } from '@/shared/ActionBar';
import { ActionDialogFor } from './ActionDialogs';
import type { ActionTarget, DialogAction } from './target';

type Order = OrderActions_OrderFragment;

/** The order as the action dialogs see it: its version, its active holds, and what a cancel would touch. */
export function orderTarget(order: Order): ActionTarget {
  return {
    kind: 'order',
    number: order.number,
    orderNumber: order.number,
    version: order.version,
    activeInterceptions: order.interceptions.filter((i) => i.status === 'ACTIVE'),
    cancelTargets:
      order.subOrders.length > 0
        ? order.subOrders.map((s) => ({
            number: s.number,
            amounts: s.amounts,
            cancel: s.allowedActions.find((a) => a.action === 'CANCEL') ?? null,
          }))
        : [
            {
              number: null,
              amounts: order.amounts,
              cancel: order.allowedActions.find((a) => a.action === 'CANCEL') ?? null,
            },
          ],
  };
}

/** What the caller may do to the whole order now (`Order.allowedActions`); reveal lives with the receiver. */
export function OrderActions({ order: ref }: { order: FragmentType<OrderActions_OrderFragment> }) {
  const { t } = useTranslation();
  const order = useFragmentData(OrderActions_OrderFragmentDoc, ref);
  const [open, setOpen] = useState<DialogAction | null>(null);
  if (!order) return null;
  return (
    <>
      <ActionBar
        actions={order.allowedActions}
        label={t('order.actions.label')}
        exclude={['REVEAL', 'REASSIGN_WAREHOUSE']}
        onAction={(action) => setOpen(action as DialogAction)}
        testId="order-actions"
      />
      {open ? (
        <ActionDialogFor action={open} target={orderTarget(order)} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
