import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { OrderActions_OrderFragmentDoc, type OrderActions_OrderFragment } from '@/gql/graphql';
import { useFragmentData } from '@/shared/useFragmentData';
import { ActionBar } from './ActionBar';

/** What the caller may do to the whole order now (`Order.allowedActions`); reveal lives with the receiver. */
export function OrderActions({ order: ref }: { order: FragmentType<OrderActions_OrderFragment> }) {
  const { t } = useTranslation();
  const order = useFragmentData(OrderActions_OrderFragmentDoc, ref);
  if (!order) return null;
  return <ActionBar actions={order.allowedActions} label={t('order.actions.label')} exclude={['REVEAL']} />;
}
