import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { OrderAmounts_OrderFragmentDoc, type OrderAmounts_OrderFragment } from '@/gql/graphql';
import { visuallyHidden } from '@/shared/a11y';
import { formatMoney, type MoneyLike } from '@/shared/money';
import { Section } from '@/shared/Section';
import { useFragmentData } from '@/shared/useFragmentData';
import { ScrollRegion } from '@/shared/ScrollRegion';

type AmountKey = 'goods' | 'freight' | 'couponDiscount' | 'promotionDiscount' | 'giftCard' | 'points';

/** The reconciliation, as the server computed each figure: goods + freight − … − points = payable. */
const TERMS: readonly { key: AmountKey; sign: '+' | '−' }[] = [
  { key: 'goods', sign: '+' },
  { key: 'freight', sign: '+' },
  { key: 'couponDiscount', sign: '−' },
  { key: 'promotionDiscount', sign: '−' },
  { key: 'giftCard', sign: '−' },
  { key: 'points', sign: '−' },
];

function Term({
  sign,
  label,
  money,
  total = false,
}: {
  sign: string;
  label: string;
  money: MoneyLike;
  total?: boolean;
}) {
  return (
    <Box
      component="tr"
      sx={{
        '& td': { py: 0.5, fontWeight: total ? 600 : 400, borderTop: total ? 1 : 0, borderColor: 'divider' },
      }}
    >
      <Box component="td" sx={{ width: '1.5rem', color: 'text.secondary', textAlign: 'center' }}>
        {sign}
      </Box>
      <Box component="td">{label}</Box>
      <Box component="td" sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(money)}
      </Box>
    </Box>
  );
}

/** The order's amounts laid out as the reconciliation, with each line's allocations on demand. */
export function OrderAmounts({ order: ref }: { order: FragmentType<OrderAmounts_OrderFragment> }) {
  const { t } = useTranslation();
  const order = useFragmentData(OrderAmounts_OrderFragmentDoc, ref);
  const [open, setOpen] = useState(false);
  const allocationsId = useId();
  if (!order) return null;
  const { amounts } = order;

  return (
    <Section title={t('order.amounts.title')}>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }} aria-hidden>
        {t('order.amounts.reconciliation')}
      </Typography>
      <Box component="table" sx={{ width: '100%', maxWidth: 420, borderCollapse: 'collapse' }}>
        <Box component="caption" sx={visuallyHidden}>
          {t('order.amounts.reconciliation')}
        </Box>
        <tbody>
          {TERMS.map(({ key, sign }, index) => (
            <Term
              key={key}
              sign={index === 0 ? '' : sign}
              label={t(`order.amounts.${key}`)}
              money={amounts[key]}
            />
          ))}
          <Term sign="=" label={t('order.amounts.payable')} money={amounts.payable} total />
        </tbody>
      </Box>
      <Button
        size="small"
        sx={{ mt: 1 }}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={allocationsId}
      >
        {open ? t('order.amounts.hideAllocations') : t('order.amounts.showAllocations')}
      </Button>
      <Collapse in={open} id={allocationsId} unmountOnExit>
        <ScrollRegion label={t('order.amounts.allocations')} sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('order.amounts.allocations')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('order.amounts.line')}</TableCell>
                <TableCell>{t('order.lines.title')}</TableCell>
                <TableCell align="right">{t('order.lines.quantity')}</TableCell>
                <TableCell align="right">{t('order.lines.lineAmount')}</TableCell>
                <TableCell align="right">{t('order.amounts.freight')}</TableCell>
                <TableCell align="right">{t('order.amounts.couponDiscount')}</TableCell>
                <TableCell align="right">{t('order.amounts.promotionDiscount')}</TableCell>
                <TableCell align="right">{t('order.amounts.giftCard')}</TableCell>
                <TableCell align="right">{t('order.amounts.points')}</TableCell>
                <TableCell align="right">{t('order.amounts.cash')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {order.lines.map((line) => (
                <TableRow key={line.id}>
                  <TableCell sx={{ fontFamily: MONO }}>{line.lineRef}</TableCell>
                  <TableCell>
                    {line.title}
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      component="div"
                      sx={{ fontFamily: MONO }}
                    >
                      {line.sku}
                      {line.subOrderNumber ? ` · ${line.subOrderNumber}` : ''}
                    </Typography>
                  </TableCell>
                  <TableCell align="right">{line.quantity}</TableCell>
                  <TableCell align="right">{formatMoney(line.lineAmount)}</TableCell>
                  <TableCell align="right">{formatMoney(line.allocations.freight)}</TableCell>
                  <TableCell align="right">{formatMoney(line.allocations.couponDiscount)}</TableCell>
                  <TableCell align="right">{formatMoney(line.allocations.promotionDiscount)}</TableCell>
                  <TableCell align="right">{formatMoney(line.allocations.giftCard)}</TableCell>
                  <TableCell align="right">{formatMoney(line.allocations.points)}</TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    {formatMoney(line.allocations.cash)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      </Collapse>
    </Section>
  );
}
