import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { SubOrderCard_SubOrderFragmentDoc, type SubOrderCard_SubOrderFragment } from '@/gql/graphql';
import { enumLabel } from '@/shared/enumLabel';
import { formatMoney } from '@/shared/money';
import { DispatchStateChip, EnumChip, FulfilmentStatusChip } from '@/shared/StatusChip';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';
import { ActionBar } from '@/shared/ActionBar';
import { ActionDialogFor } from '../actions/ActionDialogs';
import type { ActionTarget, DialogAction } from '../actions/target';
import { ParcelCard } from '../parcel/ParcelCard';

function Heading({ children }: { children: ReactNode }) {
  return (
    <Typography component="h4" variant="subtitle2" sx={{ mt: 2, mb: 0.5 }}>
      {children}
    </Typography>
  );
}

type SubOrder = SubOrderCard_SubOrderFragment;

/** The sub-order as the action dialogs see it: its version, its holds, its amounts, where it is and its lines. */
export function subOrderTarget(sub: SubOrder, orderNumber: string): ActionTarget {
  return {
    kind: 'subOrder',
    number: sub.number,
    orderNumber,
    version: sub.version,
    activeInterceptions: sub.interceptions.filter((i) => i.status === 'ACTIVE'),
    cancelTargets: [
      {
        number: sub.number,
        amounts: sub.amounts,
        cancel: sub.allowedActions.find((a) => a.action === 'CANCEL') ?? null,
      },
    ],
    move: { warehouseCode: sub.warehouse?.code ?? null, lines: sub.lines },
    dispatchError: sub.dispatchError,
  };
}

/**
 * One sub-order: its fulfilment status and flags, where it is (and every warehouse it passed through), its lines
 * and amounts, its parcels, and what may be done to it now.
 */
export function SubOrderCard({
  subOrder: ref,
  orderNumber,
  highlighted = false,
}: {
  subOrder: FragmentType<SubOrderCard_SubOrderFragment>;
  /** the parent order's number (notes are written on it) */
  orderNumber: string;
  highlighted?: boolean;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const card = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<DialogAction | null>(null);
  const sub = useFragmentData(SubOrderCard_SubOrderFragmentDoc, ref);
  useEffect(() => {
    if (highlighted) card.current?.scrollIntoView?.({ block: 'center' });
  }, [highlighted]);
  if (!sub) return null;

  return (
    <Card
      ref={card}
      component="article"
      variant="outlined"
      aria-labelledby={titleId}
      data-testid="suborder-card"
      sx={highlighted ? { borderColor: 'primary.main', borderWidth: 2 } : undefined}
    >
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography
            id={titleId}
            component="h3"
            variant="subtitle1"
            sx={{ fontFamily: MONO, fontWeight: 600 }}
          >
            {sub.number}
          </Typography>
          <FulfilmentStatusChip status={sub.status} data-testid="suborder-status" />
          {sub.held ? <Chip size="small" color="error" label={t('order.header.held')} /> : null}
          {sub.outOfStock ? (
            <Chip size="small" color="error" label={t('order.subOrders.outOfStock')} />
          ) : null}
          {sub.lateMinutes ? (
            <Chip
              size="small"
              color="warning"
              label={t('order.subOrders.late', { minutes: sub.lateMinutes })}
            />
          ) : null}
          {sub.cancelRequestedAt ? (
            <Chip
              size="small"
              color="warning"
              variant="outlined"
              label={t('order.subOrders.cancelRequested', { time: formatDateTime(sub.cancelRequestedAt) })}
            />
          ) : null}
          <DispatchStateChip
            state={sub.dispatchState}
            variant="outlined"
            aria-label={t('order.subOrders.dispatchState', {
              state: enumLabel(t, 'dispatchState', sub.dispatchState),
            })}
          />
          <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }}>
            {t('order.header.version', { version: sub.version })}
          </Typography>
        </Box>
        {highlighted ? (
          <Typography variant="caption" color="primary">
            {t('order.subOrders.highlighted')}
          </Typography>
        ) : null}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {[
            t('order.subOrders.customerStatus', { status: sub.customerStatus }),
            `${t('order.subOrders.createdAt')} ${formatDateTime(sub.createdAt)}`,
            sub.dispatchedAt
              ? `${t('order.subOrders.dispatchedAt')} ${formatDateTime(sub.dispatchedAt)}`
              : null,
            sub.shippedAt ? `${t('order.subOrders.shippedAt')} ${formatDateTime(sub.shippedAt)}` : null,
            sub.merchantId ? t('order.subOrders.merchant', { merchant: sub.merchantId }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>

        <Heading>{t('order.subOrders.warehouse')}</Heading>
        <Typography variant="body2">
          {sub.warehouse ? `${sub.warehouse.name} (${sub.warehouse.code})` : t('order.subOrders.noWarehouse')}
        </Typography>
        {sub.warehouseHistory.length > 1 || sub.warehouseHistory.some((h) => h.releasedAt) ? (
          <>
            <Heading>{t('order.subOrders.warehouseHistory')}</Heading>
            <Box component="ol" sx={{ m: 0, pl: 3 }}>
              {sub.warehouseHistory.map((h) => (
                <Typography component="li" variant="body2" key={`${h.warehouse.id}-${h.assignedAt}`}>
                  {h.warehouse.name} ({h.warehouse.code}) ·{' '}
                  {t('order.subOrders.assigned', { time: formatDateTime(h.assignedAt) })}
                  {h.releasedAt
                    ? ` · ${t('order.subOrders.released', { time: formatDateTime(h.releasedAt) })}`
                    : ''}
                  {h.reason ? ` · ${t('order.subOrders.historyReason', { reason: h.reason })}` : ''}
                </Typography>
              ))}
            </Box>
          </>
        ) : null}

        <Heading>{t('order.subOrders.lines')}</Heading>
        <Table size="small" aria-label={t('order.subOrders.lines')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('order.lines.sku')}</TableCell>
              <TableCell>{t('order.lines.title')}</TableCell>
              <TableCell align="right">{t('order.lines.quantity')}</TableCell>
              <TableCell align="right">{t('order.lines.salePrice')}</TableCell>
              <TableCell align="right">{t('order.lines.lineAmount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sub.lines.map((line) => (
              <TableRow key={line.id}>
                <TableCell sx={{ fontFamily: MONO }}>{line.sku}</TableCell>
                <TableCell>
                  {line.title}
                  <Box
                    component="span"
                    sx={{ display: 'inline-flex', gap: 0.5, ml: 1, verticalAlign: 'middle' }}
                  >
                    {line.attributes.map((a) => (
                      <EnumChip key={a} group="lineAttribute" value={a} />
                    ))}
                  </Box>
                  {line.giftFor ? (
                    <Typography variant="caption" color="text.secondary" component="div">
                      {t('order.lines.giftFor', { line: line.giftFor })}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell align="right">{line.quantity}</TableCell>
                <TableCell align="right">{formatMoney(line.salePrice)}</TableCell>
                <TableCell align="right">{formatMoney(line.lineAmount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>

        <Heading>{t('order.subOrders.amounts')}</Heading>
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('order.amounts.goods')} {formatMoney(sub.amounts.goods)} · {t('order.amounts.freight')}{' '}
          {formatMoney(sub.amounts.freight)} · {t('order.amounts.payable')} {formatMoney(sub.amounts.payable)}
        </Typography>

        <Heading>{t('order.subOrders.parcels')}</Heading>
        {sub.shipments.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('order.subOrders.noParcels')}
          </Typography>
        ) : (
          <Box sx={{ display: 'grid', gap: 1 }}>
            {sub.shipments.map((shipment) => (
              <ParcelCard key={shipment.id} shipment={shipment} />
            ))}
          </Box>
        )}

        <Box sx={{ mt: 2 }}>
          <ActionBar
            actions={sub.allowedActions}
            label={t('order.subOrders.actions', { number: sub.number })}
            exclude={['REVEAL']}
            onAction={(action) => setOpen(action as DialogAction)}
          />
        </Box>
        {open ? (
          <ActionDialogFor
            action={open}
            target={subOrderTarget(sub, orderNumber)}
            onClose={() => setOpen(null)}
          />
        ) : null}
      </CardContent>
    </Card>
  );
}
