import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { WarehouseTimingsDocument, type WarehouseTimingsQuery } from '@/gql/graphql';
import { FulfilmentStatus } from '@/gql/schema';
import { formatSeconds } from '@/shared/duration';
import { enumLabel } from '@/shared/enumLabel';
import { DayField } from '@/shared/FilterFields';
import { Section } from '@/shared/Section';
import { EmptyState, LoadingState } from '@/shared/States';
import { timingRange } from '../urls';
import { ScrollRegion } from '@/shared/ScrollRegion';

type Timing = WarehouseTimingsQuery['warehouseTimings'][number];
const ORDER: readonly string[] = Object.values(FulfilmentStatus);

/** The timings as a small table: a row per warehouse and day, a column per status, p50 / p90 in each cell. */
export function timingTable(timings: readonly Timing[]) {
  const statuses = [...new Set(timings.map((t) => t.status))].sort(
    (a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const rows = new Map<string, { warehouseCode: string; day: string; cells: Map<string, Timing> }>();
  for (const timing of timings) {
    const key = `${timing.warehouseCode}|${timing.day}`;
    const row = rows.get(key) ?? { warehouseCode: timing.warehouseCode, day: timing.day, cells: new Map() };
    row.cells.set(timing.status, timing);
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.warehouseCode.localeCompare(b.warehouseCode) || b.day.localeCompare(a.day),
  );
  return { statuses, rows: sorted };
}

/** Time in each state, p50/p90 per warehouse and day (the view: it owns its query), over days kept in the URL. */
export function WarehouseTimingsPanel({
  days,
  onDays,
}: {
  days: { from: string; to: string };
  onDays: (from: string, to: string) => void;
}) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(WarehouseTimingsDocument, {
    variables: timingRange(days),
    fetchPolicy: 'cache-and-network',
  });
  let body;
  if (!data) {
    body = <LoadingState error={error} onRetry={() => void refetch()} height={160} />;
  } else if (data.warehouseTimings.length === 0) {
    body = <EmptyState title={t('warehouses.timings.empty')} />;
  } else {
    const { statuses, rows } = timingTable(data.warehouseTimings);
    body = (
      <ScrollRegion label={t('warehouses.timings.title')} sx={{ overflowX: 'auto', maxHeight: 480 }}>
        <Table
          size="small"
          stickyHeader
          aria-label={t('warehouses.timings.title')}
          aria-busy={loading}
          data-testid="timings-table"
        >
          <TableHead>
            <TableRow>
              <TableCell>{t('warehouses.timings.warehouse')}</TableCell>
              <TableCell>{t('warehouses.timings.day')}</TableCell>
              {statuses.map((s) => (
                <TableCell key={s} align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {enumLabel(t, 'fulfilmentStatus', s)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={`${row.warehouseCode}|${row.day}`}>
                <TableCell sx={{ fontFamily: MONO }}>{row.warehouseCode}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.day}</TableCell>
                {statuses.map((s) => {
                  const cell = row.cells.get(s);
                  return (
                    <TableCell
                      key={s}
                      align="right"
                      sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                    >
                      {cell ? (
                        <>
                          {formatSeconds(t, cell.p50Seconds)} / {formatSeconds(t, cell.p90Seconds)}
                          <Typography component="div" variant="caption" color="text.secondary">
                            {t('warehouses.timings.count', { n: cell.count })}
                          </Typography>
                        </>
                      ) : (
                        t('common.none')
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    );
  }
  return (
    <Section title={t('warehouses.timings.title')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('warehouses.timings.explain')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, mb: 2, flexWrap: 'wrap' }}>
        <DayField
          id="timings-from"
          label={t('warehouses.timings.from')}
          value={days.from}
          onChange={(day) => day && onDays(day, days.to)}
          max={days.to}
        />
        <DayField
          id="timings-to"
          label={t('warehouses.timings.to')}
          value={days.to}
          onChange={(day) => day && onDays(days.from, day)}
          min={days.from}
        />
      </Box>
      {body}
    </Section>
  );
}
