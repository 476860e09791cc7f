import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailedRefundsDocument } from '@/gql/graphql';
import { BulkResults, type BulkItemResult } from '@/shared/BulkResults';
import { CursorPager } from '@/shared/CursorPager';
import { currentCursor } from '@/shared/cursors';
import { toggledEntry } from '@/shared/selection';
import { SelectionToolbar } from '@/shared/SelectionToolbar';
import { ErrorState } from '@/shared/States';
import { useUrlState } from '@/shared/useUrlState';
import { BulkRetryDialog, useDescribeRefund } from '../actions/BulkRetryDialog';
import { RefundActionDialog } from '../actions/RefundActionDialog';
import { isRefundAction, type RefundAction, type RefundTarget } from '../actions/target';
import { parseRefundsSearch, refundsUrl, type RefundsState } from '../urls';
import { FailedRefundTable, type RefundSelection } from './FailedRefundTable';

/** The last bulk re-send's results, with the refunds they name (which have left the list since). */
interface LastBulk {
  readonly results: readonly BulkItemResult[];
  readonly refunds: ReadonlyMap<string, RefundTarget>;
}

function LastBulkResults({ bulk, onDismiss }: { bulk: LastBulk; onDismiss: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeRefund(bulk.refunds);
  return (
    <BulkResults
      results={bulk.results}
      describe={describe}
      itemLabel={t('refund.item')}
      onDismiss={onDismiss}
    />
  );
}

/**
 * The failed refunds (the view: it owns its query), newest first, paged through the URL: select many and send them
 * again with one reason, or act on one (send again, settle offline) from its row. What each row offers comes from the
 * refund's `allowedActions`; after a change the list is asked again.
 */
export function FailedRefundsView({ canRetry }: { canRetry: boolean }) {
  const { t } = useTranslation();
  const [state, navigateTo] = useUrlState(parseRefundsSearch, refundsUrl);
  const [selected, setSelected] = useState<ReadonlyMap<string, RefundTarget>>(new Map());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [lastBulk, setLastBulk] = useState<LastBulk | null>(null);
  const [open, setOpen] = useState<{ action: RefundAction; refund: RefundTarget } | null>(null);
  const go = (next: RefundsState) => {
    setSelected(new Map());
    navigateTo(next);
  };

  const { data, loading, error, refetch } = useQuery(FailedRefundsDocument, {
    variables: { after: currentCursor(state) },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.failedRefunds;

  const selection: RefundSelection = {
    selected,
    selectable: canRetry,
    toggle: (refund) => setSelected((now) => toggledEntry(now, refund.id, refund)),
    setMany: (refunds, on) =>
      setSelected((now) => {
        const next = new Map(now);
        for (const refund of refunds) {
          if (on) next.set(refund.id, refund);
          else next.delete(refund.id);
        }
        return next;
      }),
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {error && connection ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      {lastBulk && !bulkOpen ? <LastBulkResults bulk={lastBulk} onDismiss={() => setLastBulk(null)} /> : null}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1 }}>
          {canRetry ? (
            <SelectionToolbar
              label={t('refund.bulk.toolbar')}
              count={selected.size}
              countText={t('refund.bulk.selected', { n: selected.size })}
              countTestId="refunds-selected"
              onClear={() => setSelected(new Map())}
            >
              <Button
                variant="contained"
                size="small"
                disabled={selected.size === 0}
                onClick={() => setBulkOpen(true)}
                data-testid="bulk-retry"
              >
                {t('refund.bulk.retry')}
              </Button>
            </SelectionToolbar>
          ) : null}
        </Box>
        <Button size="small" onClick={() => void refetch()} data-testid="refunds-refresh">
          {t('refund.refresh')}
        </Button>
      </Box>
      <FailedRefundTable
        refunds={connection?.edges.map((e) => e.node)}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        selection={selection}
        onAction={(action, refund) => {
          if (isRefundAction(action)) setOpen({ action, refund });
        }}
      />
      <CursorPager
        state={state}
        pageInfo={connection?.pageInfo}
        onPage={go}
        label={t('refund.pagination')}
        nextTestId="refunds-next"
      />
      {bulkOpen ? (
        <BulkRetryDialog
          refunds={selected}
          onClose={() => setBulkOpen(false)}
          onDone={(results) => {
            setLastBulk({ results, refunds: selected });
            setSelected(new Map());
          }}
        />
      ) : null}
      {open ? (
        <RefundActionDialog
          action={open.action}
          refund={open.refund}
          refetchQueries={[FailedRefundsDocument]}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </Box>
  );
}
