import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbilities } from '@/app/navigation';
import { PageSkeleton } from '@/app/PageSkeleton';
import { BulkResults, type BulkItemResult } from '@/shared/BulkResults';
import { toggledEntry } from '@/shared/selection';
import { SelectionToolbar } from '@/shared/SelectionToolbar';
import { EmptyState } from '@/shared/States';
import { usePageTitle } from '@/shared/usePageTitle';
import { useUrlState } from '@/shared/useUrlState';
import { LateSubOrdersPanel } from './lists/LateSubOrdersPanel';
import { StuckSubOrdersPanel } from './lists/StuckSubOrdersPanel';
import type { Selection } from './lists/SubOrderTable';
import { WarehouseLoadPanel } from './load/WarehouseLoadPanel';
import { RerouteDialog } from './reroute/RerouteDialog';
import type { MovingSubOrder } from './reroute/stockCheck';
import { WarehouseTimingsPanel } from './timings/WarehouseTimingsPanel';
import {
  parseWarehousesSearch,
  timingDays,
  warehousesUrl,
  withCursors,
  withDays,
  withWarehouse,
  type SubOrderList,
} from './urls';

/**
 * The warehouses screen (docs/console.md, ops and managers): each warehouse's load, the late, out-of-stock and
 * dead-lettered sub-orders, re-routing one or many of them, and time in state. Each section is a view with its own
 * query (they page and refresh independently); the page keeps the selection they share and the URL state.
 */
export function WarehousesPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const [state, go] = useUrlState(parseWarehousesSearch, warehousesUrl);
  const [now] = useState(() => new Date());
  const [selected, setSelected] = useState<ReadonlyMap<string, MovingSubOrder>>(new Map());
  const [rerouting, setRerouting] = useState(false);
  const [lastResults, setLastResults] = useState<readonly BulkItemResult[] | null>(null);
  usePageTitle(t('warehouses.title'));

  if (!abilities.ready) return <PageSkeleton />;
  if (!abilities.readWarehouseFigures) {
    return <EmptyState title={t('errors.forbidden')} data-testid="forbidden" />;
  }

  const selection: Selection = {
    selected,
    selectable: abilities.reassignWarehouses,
    toggle: (sub) => setSelected((current) => toggledEntry(current, sub.number, sub)),
    setMany: (subs, on) =>
      setSelected((current) => {
        const next = new Map(current);
        for (const sub of subs) {
          if (on) next.set(sub.number, sub);
          else next.delete(sub.number);
        }
        return next;
      }),
  };
  const pageOf = (list: SubOrderList) => ({
    cursors: state.cursors[list],
    onCursors: (cursors: readonly string[]) => go(withCursors(state, list, cursors)),
  });

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box>
        <Typography component="h1" variant="h5">
          {t('warehouses.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('warehouses.intro')}
        </Typography>
      </Box>
      <WarehouseLoadPanel
        lateWarehouse={state.warehouse}
        onShowLate={(code) => go(withWarehouse(state, code))}
      />
      {abilities.reassignWarehouses ? (
        <SelectionToolbar
          label={t('reroute.toolbar')}
          count={selected.size}
          countText={t('reroute.selected', { n: selected.size })}
          countTestId="reroute-selected"
          onClear={() => setSelected(new Map())}
          sticky
        >
          <Button
            variant="contained"
            size="small"
            disabled={selected.size === 0}
            onClick={() => setRerouting(true)}
            data-testid="reroute-button"
          >
            {t('reroute.button')}
          </Button>
        </SelectionToolbar>
      ) : null}
      {lastResults && !rerouting ? (
        <BulkResults
          results={lastResults}
          itemLabel={t('warehouses.lists.subOrder')}
          onDismiss={() => setLastResults(null)}
        />
      ) : null}
      <LateSubOrdersPanel
        warehouse={state.warehouse}
        onWarehouse={(code) => go(withWarehouse(state, code))}
        {...pageOf('late')}
        selection={selection}
      />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          alignItems: 'start',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: 'minmax(0, 1fr) minmax(0, 1fr)' },
        }}
      >
        <StuckSubOrdersPanel kind="outOfStock" {...pageOf('outOfStock')} selection={selection} />
        <StuckSubOrdersPanel kind="deadLetter" {...pageOf('deadLetter')} selection={selection} />
      </Box>
      <WarehouseTimingsPanel
        days={timingDays(state, now)}
        onDays={(from, to) => go(withDays(state, from, to))}
      />
      {rerouting ? (
        <RerouteDialog
          subOrders={[...selected.values()]}
          onClose={() => setRerouting(false)}
          onDone={(results) => {
            setLastResults(results);
            setSelected(new Map());
          }}
        />
      ) : null}
    </Box>
  );
}
