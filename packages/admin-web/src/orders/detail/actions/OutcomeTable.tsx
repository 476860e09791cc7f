import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { enumLabel, type EnumGroup } from '@/shared/enumLabel';

/** One per-sub-order result of a payload (`results { subOrderNumber outcome reason }`). */
export interface Outcome {
  readonly subOrderNumber: string | null;
  readonly outcome: string;
  readonly reason: string | null;
}

/** What a change did to each sub-order (or to the unsplit order), as the server reported it. */
export function OutcomeTable({
  results,
  group,
  label,
}: {
  results: readonly Outcome[];
  group: EnumGroup;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{t('actions.column.subOrder')}</TableCell>
          <TableCell>{t('actions.column.outcome')}</TableCell>
          <TableCell>{t('actions.column.detail')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {results.map((r, index) => (
          <TableRow key={r.subOrderNumber ?? `order-${index}`} data-testid="action-outcome">
            <TableCell sx={{ fontFamily: MONO }}>{r.subOrderNumber ?? t('actions.wholeOrder')}</TableCell>
            <TableCell data-outcome={r.outcome}>{enumLabel(t, group, r.outcome)}</TableCell>
            <TableCell>{r.reason ?? t('common.none')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
