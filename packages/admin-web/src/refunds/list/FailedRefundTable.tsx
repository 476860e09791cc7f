import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { FailedRefundTable_RefundsFragmentDoc, type FailedRefundTable_RefundsFragment } from '@/gql/graphql';
import type { StaffAction } from '@/gql/schema';
import { ColumnHeads } from '@/shared/ColumnHeads';
import { ListTableBody } from '@/shared/ListTableBody';
import { EmptyState } from '@/shared/States';
import { useFragmentList } from '@/shared/useFragmentData';
import type { RefundTarget } from '../actions/target';
import { canRetry, FailedRefundRow, REFUND_COLUMNS } from './FailedRefundRow';

/** What the dialogs need of a listed refund. */
export function targetOf(refund: FailedRefundTable_RefundsFragment): RefundTarget {
  return {
    id: refund.id,
    orderNumber: refund.orderNumber,
    subOrderNumber: refund.subOrderNumber,
    method: refund.method,
    amount: refund.amount,
    status: refund.status,
    attempt: refund.attempt,
    deliveryState: refund.deliveryState,
    failureReason: refund.failureReason,
    lastError: refund.lastError,
  };
}

/** The list's selection: refund id → what the bulk dialog shows of it. */
export interface RefundSelection {
  readonly selected: ReadonlyMap<string, RefundTarget>;
  /** whether rows can be selected at all (the role may send refunds again) */
  readonly selectable: boolean;
  readonly toggle: (refund: RefundTarget) => void;
  readonly setMany: (refunds: readonly RefundTarget[], on: boolean) => void;
}

/**
 * One page of failed refunds as a table (it reads its fragment for every row at once, for selecting them all): only
 * the refunds the server allows to be sent again can be selected; each row offers its own actions.
 */
export function FailedRefundTable({
  refunds,
  loading,
  error,
  onRetry,
  selection,
  onAction,
}: {
  /** the page's refunds; undefined until it has arrived */
  refunds: readonly FragmentType<FailedRefundTable_RefundsFragment>[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  selection: RefundSelection;
  onAction: (action: StaffAction, refund: RefundTarget) => void;
}) {
  const { t } = useTranslation();
  const listed = useFragmentList(FailedRefundTable_RefundsFragmentDoc, refunds ?? []);
  const nodes = refunds && listed ? listed : undefined;
  const retryable = (nodes ?? []).filter(canRetry).map(targetOf);
  const all = retryable.length > 0 && retryable.every((r) => selection.selected.has(r.id));
  const some = retryable.some((r) => selection.selected.has(r.id));
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('refund.tableLabel')} aria-busy={loading} data-testid="refunds-table">
        <TableHead>
          <TableRow>
            {selection.selectable ? (
              <TableCell padding="checkbox">
                <Checkbox
                  checked={all}
                  indeterminate={some && !all}
                  disabled={retryable.length === 0}
                  onChange={() => selection.setMany(retryable, !all)}
                  slotProps={{
                    input: {
                      'aria-label': t('refund.selectAll'),
                      ...({ 'data-testid': 'refunds-select-all' } as object),
                    },
                  }}
                />
              </TableCell>
            ) : null}
            <ColumnHeads
              columns={REFUND_COLUMNS}
              heading={(column) => t(`refund.column.${column}`)}
              numeric={['amount', 'attempt']}
            />
          </TableRow>
        </TableHead>
        <ListTableBody
          rows={nodes?.map((refund) => (
            <FailedRefundRow
              key={refund.id}
              refund={refund}
              selectable={selection.selectable}
              selected={selection.selected.has(refund.id)}
              onToggle={() => selection.toggle(targetOf(refund))}
              onAction={(action) => onAction(action, targetOf(refund))}
            />
          ))}
          loading={loading}
          columns={REFUND_COLUMNS.length + (selection.selectable ? 1 : 0)}
          skeletonRows={5}
          error={error}
          onRetry={onRetry}
          empty={<EmptyState title={t('refund.empty')} hint={t('refund.emptyHint')} />}
        />
      </Table>
    </TableContainer>
  );
}
