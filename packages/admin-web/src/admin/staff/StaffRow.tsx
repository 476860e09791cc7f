import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { MONO } from '@/app/theme';
import { StaffRow_AccountFragmentDoc, type StaffRow_AccountFragment } from '@/gql/graphql';
import { enumLabel } from '@/shared/enumLabel';
import { formatDateTime } from '@/shared/time';
import { auditUrl } from '../audit/urls';
import { useFragmentData } from '@/shared/useFragmentData';

/** The columns of the staff list, in order. */
export const STAFF_COLUMNS = [
  'username',
  'displayName',
  'role',
  'status',
  'lastLoginAt',
  'createdAt',
  'actions',
] as const;

/** What can be done to one account from its row; each opens its dialog. */
export type StaffAction = 'setRole' | 'resetPassword' | 'disable' | 'enable';

/** One account as a dialog needs it. */
export type StaffTarget = Pick<
  StaffRow_AccountFragment,
  'id' | 'username' | 'displayName' | 'role' | 'active'
>;

/**
 * One staff account: username, name, role, whether it is active (and why not), its last sign-in, when it was made,
 * a link to what it did (the audit log filtered to it), and its actions. The signed-in admin's own row offers no
 * "disable" (the server refuses it anyway: docs/administration.md).
 */
export function StaffRow({
  account,
  isMe,
  onAction,
}: {
  account: FragmentType<StaffRow_AccountFragment>;
  isMe: boolean;
  onAction: (action: StaffAction, target: StaffTarget) => void;
}) {
  const { t } = useTranslation();
  const staff = useFragmentData(StaffRow_AccountFragmentDoc, account);
  if (!staff) return null;
  const actions: StaffAction[] = staff.active
    ? ['setRole', 'resetPassword', ...(isMe ? [] : (['disable'] as const))]
    : ['enable', 'setRole', 'resetPassword'];
  return (
    <TableRow
      hover
      data-testid="staff-row"
      data-username={staff.username}
      data-active={String(staff.active)}
      sx={staff.active ? undefined : { '& > td': { color: 'text.secondary' } }}
    >
      <TableCell sx={{ fontFamily: MONO, whiteSpace: 'nowrap' }}>
        {staff.username}
        {isMe ? <Chip size="small" label={t('staffAdmin.you')} sx={{ ml: 1 }} variant="outlined" /> : null}
      </TableCell>
      <TableCell>{staff.displayName}</TableCell>
      <TableCell>
        <Chip size="small" label={enumLabel(t, 'role', staff.role)} data-testid="staff-role" />
      </TableCell>
      <TableCell data-testid="staff-status">
        <Chip
          size="small"
          variant={staff.active ? 'filled' : 'outlined'}
          color={staff.active ? 'success' : 'default'}
          label={t(staff.active ? 'staffAdmin.status.active' : 'staffAdmin.status.disabled')}
        />
        {!staff.active && staff.disabledReason ? (
          <Typography
            variant="caption"
            component="div"
            sx={{ mt: 0.5, maxWidth: 240, wordBreak: 'break-word' }}
          >
            {t('staffAdmin.disabledReason', { reason: staff.disabledReason })}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {staff.lastLoginAt ? formatDateTime(staff.lastLoginAt) : t('staffAdmin.neverSignedIn')}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(staff.createdAt)}</TableCell>
      <TableCell>
        <Box
          role="group"
          aria-label={t('staffAdmin.actionsFor', { username: staff.username })}
          sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}
        >
          {actions.map((action) => (
            <Button
              key={action}
              size="small"
              variant="outlined"
              color={action === 'disable' ? 'error' : 'primary'}
              onClick={() => onAction(action, staff)}
              data-testid={`staff-${action}`}
            >
              {t(`staffAdmin.action.${action}`)}
            </Button>
          ))}
          <Link
            component={RouterLink}
            to={auditUrl({ staff: staff.username, cursors: [] })}
            aria-label={t('staffAdmin.viewAuditOf', { username: staff.username })}
            sx={{ ml: 0.5, whiteSpace: 'nowrap' }}
          >
            {t('staffAdmin.viewAudit')}
          </Link>
        </Box>
      </TableCell>
    </TableRow>
  );
}
