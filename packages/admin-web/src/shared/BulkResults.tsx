import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';

/** One item of a bulk payload (docs/api.md "Bulk payloads"), in input order. */
export interface BulkItemResult {
  readonly id: string;
  readonly ok: boolean;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/**
 * The per-item results of a bulk change: a count, then every item with ok or the server's code and message.
 * `describe` names an item for people (e.g. the order an interception id holds).
 */
export function BulkResults({
  results,
  describe = (id) => id,
  itemLabel,
  onDismiss,
}: {
  results: readonly BulkItemResult[];
  describe?: (id: string) => ReactNode;
  itemLabel: string;
  onDismiss?: () => void;
}) {
  const { t } = useTranslation();
  const failed = results.filter((r) => !r.ok).length;
  return (
    <Box data-testid="bulk-results">
      <Alert
        severity={failed === 0 ? 'success' : failed === results.length ? 'error' : 'warning'}
        sx={{ mb: 1 }}
        onClose={onDismiss}
        data-testid="bulk-summary"
      >
        {t('bulk.summary', { ok: results.length - failed, failed })}
      </Alert>
      <Table size="small" aria-label={t('bulk.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{itemLabel}</TableCell>
            <TableCell>{t('bulk.result')}</TableCell>
            <TableCell>{t('bulk.code')}</TableCell>
            <TableCell>{t('bulk.message')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {results.map((r) => (
            <TableRow key={r.id} data-testid="bulk-result" data-ok={String(r.ok)}>
              <TableCell sx={{ fontFamily: MONO }}>{describe(r.id)}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={r.ok ? 'success' : 'error'}
                  label={r.ok ? t('bulk.ok') : t('bulk.failed')}
                />
              </TableCell>
              <TableCell sx={{ fontFamily: MONO }}>{r.error?.code ?? t('common.none')}</TableCell>
              <TableCell>{r.error?.message ?? t('common.none')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
