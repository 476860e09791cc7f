import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { MONO } from '@/app/theme';
import { AuditRow_EntryFragmentDoc, type AuditRow_EntryFragment } from '@/gql/graphql';
import { orderUrl } from '@/orders/urls';
import { enumLabel } from '@/shared/enumLabel';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';
import { AuditChange } from './AuditChange';

/** The columns of the audit log, in order. */
export const AUDIT_COLUMNS = ['at', 'staff', 'action', 'order', 'change', 'reason', 'address'] as const;

/**
 * One audit row: when, who (username, name and role then; the username narrows the log to them), what (worded), the
 * order (a link), before and after, why, and the client address.
 */
export function AuditRow({
  entry,
  onStaff,
}: {
  entry: FragmentType<AuditRow_EntryFragment>;
  onStaff: (username: string) => void;
}) {
  const { t } = useTranslation();
  const row = useFragmentData(AuditRow_EntryFragmentDoc, entry);
  if (!row) return null;
  return (
    <TableRow
      hover
      data-testid="audit-row"
      data-action={row.action}
      data-username={row.username}
      sx={{ verticalAlign: 'top' }}
    >
      <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatDateTime(row.at)}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <Link
          component="button"
          type="button"
          onClick={() => onStaff(row.username)}
          title={t('auditLog.filterByStaff', { username: row.username })}
          sx={{ fontFamily: MONO, verticalAlign: 'baseline' }}
          data-testid="audit-staff"
        >
          {row.username}
        </Link>
        <Typography variant="caption" component="div" color="text.secondary">
          {row.displayName} · {enumLabel(t, 'role', row.role)}
        </Typography>
      </TableCell>
      <TableCell>
        <Chip
          size="small"
          variant="outlined"
          label={enumLabel(t, 'auditAction', row.action)}
          data-testid="audit-action"
        />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {row.orderNumber ? (
          <Link component={RouterLink} to={orderUrl(row.orderNumber)} sx={{ fontFamily: MONO }}>
            {row.orderNumber}
          </Link>
        ) : (
          t('common.none')
        )}
      </TableCell>
      <TableCell sx={{ minWidth: 220, maxWidth: 380 }}>
        <AuditChange before={row.before} after={row.after} />
      </TableCell>
      <TableCell sx={{ minWidth: 140, maxWidth: 280, wordBreak: 'break-word' }} data-testid="audit-reason">
        {row.reason}
      </TableCell>
      <TableCell sx={{ fontFamily: MONO, whiteSpace: 'nowrap' }}>{row.address ?? t('common.none')}</TableCell>
    </TableRow>
  );
}
