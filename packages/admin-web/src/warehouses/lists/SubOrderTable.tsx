import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubOrderTable_SubOrdersFragmentDoc, type SubOrderTable_SubOrdersFragment } from '@/gql/graphql';
import { CursorPager } from '@/shared/CursorPager';
import type { NextPageInfo } from '@/shared/cursors';
import { ListTableBody } from '@/shared/ListTableBody';
import { Section } from '@/shared/Section';
import { useFragmentList } from '@/shared/useFragmentData';
import { EmptyState, ErrorState } from '@/shared/States';
import type { MovingSubOrder } from '../reroute/stockCheck';
import { SubOrderRow, type SubOrderColumn } from './SubOrderRow';
import { ScrollRegion } from '@/shared/ScrollRegion';

/** What the re-route dialog needs of a listed sub-order. */
export function movingOf(sub: SubOrderTable_SubOrdersFragment): MovingSubOrder {
  return { number: sub.number, warehouseCode: sub.warehouse?.code ?? null, lines: sub.lines };
}

/** Selection shared by the lists of the page: sub-order number → what moving it needs. */
export interface Selection {
  readonly selected: ReadonlyMap<string, MovingSubOrder>;
  readonly selectable: boolean;
  readonly toggle: (sub: MovingSubOrder) => void;
  readonly setMany: (subs: readonly MovingSubOrder[], on: boolean) => void;
}

/**
 * One paged, selectable list of sub-orders (late, out of stock, dead-lettered) in its own section. It reads its
 * fragment (what selecting and re-routing need) for the whole page at once; each row reads its own.
 */
export function SubOrderTable({
  title,
  hint,
  testId,
  rowTestId,
  columns,
  subOrders,
  cursors,
  onCursors,
  pageInfo,
  loading,
  error,
  onRetry,
  selection,
  filters,
  emptyTitle,
}: {
  title: string;
  hint?: string;
  testId: string;
  rowTestId: string;
  columns: readonly SubOrderColumn[];
  /** the page's sub-orders; undefined until it has arrived */
  subOrders: readonly FragmentType<SubOrderTable_SubOrdersFragment>[] | undefined;
  /** this list's stack of `after` cursors (in the URL) and how to change it */
  cursors: readonly string[];
  onCursors: (cursors: readonly string[]) => void;
  pageInfo: NextPageInfo | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  selection: Selection;
  filters?: ReactNode;
  emptyTitle: string;
}) {
  const { t } = useTranslation();
  const listed = useFragmentList(SubOrderTable_SubOrdersFragmentDoc, subOrders ?? []);
  const nodes = subOrders && listed ? listed : undefined;
  const width = 3 + columns.length + (selection.selectable ? 1 : 0);
  const moving = (nodes ?? []).map(movingOf);
  const all = moving.length > 0 && moving.every((m) => selection.selected.has(m.number));
  const some = moving.some((m) => selection.selected.has(m.number));

  return (
    <Section
      title={title}
      actions={
        <Button size="small" onClick={onRetry}>
          {t('warehouses.lists.refresh')}
        </Button>
      }
    >
      {hint ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {hint}
        </Typography>
      ) : null}
      {filters}
      {error && nodes && nodes.length > 0 ? <ErrorState error={error} onRetry={onRetry} /> : null}
      <ScrollRegion label={title} sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={title} aria-busy={loading} data-testid={testId}>
          <TableHead>
            <TableRow>
              {selection.selectable ? (
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={all}
                    indeterminate={some && !all}
                    disabled={moving.length === 0}
                    onChange={() => selection.setMany(moving, !all)}
                    slotProps={{ input: { 'aria-label': t('warehouses.lists.selectAll', { list: title }) } }}
                  />
                </TableCell>
              ) : null}
              <TableCell>{t('warehouses.lists.subOrder')}</TableCell>
              <TableCell>{t('warehouses.lists.warehouse')}</TableCell>
              <TableCell>{t('warehouses.lists.status')}</TableCell>
              {columns.map((c) => (
                <TableCell key={c} sx={{ whiteSpace: 'nowrap' }}>
                  {t(`warehouses.lists.column.${c}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <ListTableBody
            rows={nodes?.map((node) => (
              <SubOrderRow
                key={node.id}
                subOrder={node}
                columns={columns}
                testId={rowTestId}
                selectable={selection.selectable}
                selected={selection.selected.has(node.number)}
                onToggle={() => selection.toggle(movingOf(node))}
              />
            ))}
            loading={loading}
            columns={width}
            skeletonRows={3}
            error={error}
            onRetry={onRetry}
            empty={<EmptyState title={emptyTitle} />}
          />
        </Table>
      </ScrollRegion>
      <CursorPager
        state={{ cursors }}
        pageInfo={pageInfo}
        onPage={(next) => onCursors(next.cursors)}
        label={t('warehouses.lists.pagination', { list: title })}
        dense
        announcePage={false}
      />
    </Section>
  );
}
