import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { MONO } from '@/app/theme';
import { QueueRow_InterceptionFragmentDoc, type QueueRow_InterceptionFragment } from '@/gql/graphql';
import { orderUrl } from '@/orders/urls';
import { formatMinutes, timeUntil } from '@/shared/duration';
import { enumLabel } from '@/shared/enumLabel';
import { formatMoney } from '@/shared/money';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';
import { compactEvidence, evidenceItems } from '../evidence';

const STATUS_COLOUR = {
  ACTIVE: 'error',
  RELEASED: 'success',
  CANCELLED_ORDER: 'default',
  EXPIRED: 'warning',
} as const;

/** How long an active hold has left in the rollback period, or how long it is overdue. */
function TimeLeft({ expiresAt, now }: { expiresAt: string; now: number }) {
  const { t } = useTranslation();
  const { minutes, past: overdue } = timeUntil(expiresAt, now);
  return (
    <Tooltip title={t('queue.expiresAt', { time: formatDateTime(expiresAt) })} describeChild>
      <Chip
        size="small"
        variant={overdue ? 'filled' : 'outlined'}
        color={overdue ? 'error' : minutes < 10 ? 'warning' : 'default'}
        label={
          overdue
            ? t('queue.overdue', { time: formatMinutes(t, minutes) })
            : t('queue.left', { time: formatMinutes(t, minutes) })
        }
        data-testid="queue-time-left"
        data-overdue={String(overdue)}
      />
    </Tooltip>
  );
}

/** One hold in the queue: whose order, which rule and why, its evidence, amount, age against the rollback period. */
export function QueueRow({
  interception: ref,
  now,
  selectable,
  selected,
  onToggle,
}: {
  interception: FragmentType<QueueRow_InterceptionFragment>;
  now: number;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const row = useFragmentData(QueueRow_InterceptionFragmentDoc, ref);
  if (!row) return null;
  const rule = enumLabel(t, 'interceptionRule', row.rule);
  const evidence = evidenceItems(t, row.evidence, row.rule);
  return (
    <TableRow hover selected={selected} data-testid="queue-row" data-id={row.id}>
      {selectable ? (
        <TableCell padding="checkbox">
          <Checkbox
            checked={selected}
            onChange={onToggle}
            slotProps={{
              input: { 'aria-label': t('queue.select', { number: row.orderNumber, rule }) },
            }}
          />
        </TableCell>
      ) : null}
      <TableCell>
        <Link
          component={RouterLink}
          to={orderUrl(row.orderNumber, row.subOrderNumber ?? undefined)}
          sx={{ fontFamily: MONO }}
          data-testid="queue-order"
        >
          {row.orderNumber}
        </Link>
        {row.subOrderNumber ? (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: MONO }}>
            {t('queue.subOrder', { number: row.subOrderNumber })}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {rule}
        <Typography variant="caption" color="text.secondary" component="div">
          {row.raisedBy}
        </Typography>
      </TableCell>
      <TableCell sx={{ minWidth: 140, maxWidth: 240, wordBreak: 'break-word' }}>{row.reason}</TableCell>
      <TableCell sx={{ maxWidth: 240 }}>
        {evidence.length === 0 ? (
          t('common.none')
        ) : (
          <Tooltip
            title={
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {evidence.map((item) => (
                  <li key={`${item.group ?? ''}.${item.key}`}>
                    {item.group ? `${item.group} · ` : ''}
                    {item.label ? `${item.label}：` : ''}
                    {item.value}
                  </li>
                ))}
              </Box>
            }
            describeChild
          >
            <Typography
              variant="body2"
              tabIndex={0}
              sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            >
              {compactEvidence(t, row.evidence, row.rule)}
            </Typography>
          </Tooltip>
        )}
      </TableCell>
      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {formatMoney(row.amount)}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.raisedAt)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {row.status === 'ACTIVE' ? (
          <TimeLeft expiresAt={row.expiresAt} now={now} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('queue.decided', {
              time: formatDateTime(row.decidedAt),
              by: row.decidedBy ?? t('common.none'),
            })}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <Chip
          size="small"
          color={STATUS_COLOUR[row.status] ?? 'default'}
          label={enumLabel(t, 'interceptionStatus', row.status)}
        />
      </TableCell>
    </TableRow>
  );
}
