import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InterceptionQueueDocument } from '@/gql/graphql';
import type { InterceptionDecision } from '@/gql/schema';
import { BulkResults, type BulkItemResult } from '@/shared/BulkResults';
import { ColumnHeads } from '@/shared/ColumnHeads';
import { CursorPager } from '@/shared/CursorPager';
import { currentCursor } from '@/shared/cursors';
import { ListTableBody } from '@/shared/ListTableBody';
import { toggledEntry } from '@/shared/selection';
import { SelectionToolbar } from '@/shared/SelectionToolbar';
import { EmptyState, ErrorState } from '@/shared/States';
import { useNow } from '@/shared/useNow';
import { useUrlState } from '@/shared/useUrlState';
import { parseQueueSearch, queueFilter, queueUrl, type QueueState } from '../urls';
import { BulkDecideDialog, useDescribeHold, type SelectedHold } from './BulkDecideDialog';
import { QueueFilters } from './QueueFilters';
import { QueueRow } from './QueueRow';

const COLUMNS = ['order', 'rule', 'reason', 'evidence', 'amount', 'raisedAt', 'timeLeft', 'status'] as const;

/** The last bulk decision's results, with the holds they name (which may have left the list since). */
interface LastBulk {
  readonly results: readonly BulkItemResult[];
  readonly holds: ReadonlyMap<string, SelectedHold>;
}

function LastBulkResults({ bulk, onDismiss }: { bulk: LastBulk; onDismiss: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeHold(bulk.holds);
  return (
    <Box sx={{ mb: 2 }}>
      <BulkResults
        results={bulk.results}
        describe={describe}
        itemLabel={t('queue.bulk.item')}
        onDismiss={onDismiss}
      />
    </Box>
  );
}

/**
 * The interception queue (the view: it owns its query): active holds oldest first, filtered and paged through the
 * URL. Managers select rows and release them or cancel their orders in bulk; ops see the same list read-only
 * (`canDecide` comes from the role, see `app/navigation.ts`).
 */
export function QueueView({ canDecide }: { canDecide: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  const [state, navigateTo] = useUrlState(parseQueueSearch, queueUrl);
  const go = (next: QueueState) => {
    setSelected(new Map());
    navigateTo(next);
  };
  const [selected, setSelected] = useState<ReadonlyMap<string, SelectedHold>>(new Map());
  const [deciding, setDeciding] = useState<InterceptionDecision | null>(null);
  const [lastBulk, setLastBulk] = useState<LastBulk | null>(null);

  const { data, previousData, loading, error, refetch } = useQuery(InterceptionQueueDocument, {
    variables: { filter: queueFilter(state), after: currentCursor(state) },
    fetchPolicy: 'cache-and-network',
  });
  const warehouses = data?.warehouses ?? previousData?.warehouses ?? [];
  const connection = data?.interceptions;
  const nodes = connection?.edges.map((e) => e.node) ?? [];
  const allSelected = nodes.length > 0 && nodes.every((n) => selected.has(n.id));
  const someSelected = nodes.some((n) => selected.has(n.id));
  const columns = canDecide ? COLUMNS.length + 1 : COLUMNS.length;

  const toggle = (node: SelectedHold) => setSelected((now) => toggledEntry(now, node.id, node));
  const toggleAll = () =>
    setSelected(allSelected ? new Map() : new Map(nodes.map((n) => [n.id, n] as const)));

  return (
    <Box>
      <QueueFilters state={state} warehouses={warehouses} onChange={go} />
      {error && connection ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      {lastBulk && !deciding ? <LastBulkResults bulk={lastBulk} onDismiss={() => setLastBulk(null)} /> : null}
      {canDecide ? (
        <SelectionToolbar
          label={t('queue.bulk.toolbar')}
          count={selected.size}
          countText={t('queue.bulk.selected', { n: selected.size })}
          countTestId="queue-selected"
          onClear={() => setSelected(new Map())}
        >
          <Button
            variant="contained"
            size="small"
            disabled={selected.size === 0}
            onClick={() => setDeciding('RELEASE')}
            data-testid="bulk-release"
          >
            {t('queue.bulk.release')}
          </Button>
          <Button
            variant="outlined"
            color="error"
            size="small"
            disabled={selected.size === 0}
            onClick={() => setDeciding('CANCEL_ORDER')}
            data-testid="bulk-cancel"
          >
            {t('queue.bulk.cancel')}
          </Button>
        </SelectionToolbar>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('queue.readOnly')}
        </Typography>
      )}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('queue.tableLabel')} aria-busy={loading} data-testid="queue-table">
          <TableHead>
            <TableRow>
              {canDecide ? (
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={allSelected}
                    indeterminate={someSelected && !allSelected}
                    onChange={toggleAll}
                    disabled={nodes.length === 0}
                    slotProps={{
                      input: {
                        'aria-label': t('queue.selectAll'),
                        ...({ 'data-testid': 'queue-select-all' } as object),
                      },
                    }}
                  />
                </TableCell>
              ) : null}
              <ColumnHeads
                columns={COLUMNS}
                heading={(column) => t(`queue.column.${column}`)}
                numeric={['amount']}
              />
            </TableRow>
          </TableHead>
          <ListTableBody
            rows={connection?.edges.map(({ node }) => (
              <QueueRow
                key={node.id}
                interception={node}
                now={now}
                selectable={canDecide}
                selected={selected.has(node.id)}
                onToggle={() => toggle(node)}
              />
            ))}
            loading={loading}
            columns={columns}
            skeletonRows={6}
            error={error}
            onRetry={() => void refetch()}
            empty={<EmptyState title={t('queue.empty')} hint={t('queue.emptyHint')} />}
          />
        </Table>
      </TableContainer>
      <CursorPager
        state={state}
        pageInfo={connection?.pageInfo}
        onPage={go}
        label={t('orders.pagination')}
        nextTestId="queue-next"
      />
      {deciding ? (
        <BulkDecideDialog
          decision={deciding}
          holds={selected}
          onClose={() => setDeciding(null)}
          onDone={(results) => {
            setLastBulk({ results, holds: selected });
            setSelected(new Map());
          }}
        />
      ) : null}
    </Box>
  );
}
