import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { CancelOrderDocument, OrderDetailPageDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { useIdempotencyKey } from '@/shared/idempotency';
import { formatMoney } from '@/shared/money';
import { RefundTable } from '@/shared/RefundTable';
import { useDisabledReason } from '@/shared/ActionBar';
import { OutcomeTable } from './OutcomeTable';
import { useRefetchOrderPage, type ActionTarget } from './target';

/**
 * What a cancel will touch, as the server figures it: each sub-order concerned with its amounts per instrument
 * (cash, gift card, points: `SubOrder.amounts`, nothing added up here) and, for those the server does not allow to
 * be cancelled now, why not.
 */
function CancelPreview({ target }: { target: ActionTarget }) {
  const { t } = useTranslation();
  const reasonOf = useDisabledReason();
  return (
    <Table size="small" aria-label={t('actions.cancel.concerned')} data-testid="cancel-targets">
      <TableHead>
        <TableRow>
          <TableCell>{t('actions.column.subOrder')}</TableCell>
          <TableCell align="right">{t('order.amounts.payable')}</TableCell>
          <TableCell align="right">{t('order.amounts.giftCard')}</TableCell>
          <TableCell align="right">{t('order.amounts.points')}</TableCell>
          <TableCell>{t('actions.cancel.will')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {target.cancelTargets.map((c) => (
          <TableRow key={c.number ?? 'order'} data-testid="cancel-target">
            <TableCell sx={{ fontFamily: MONO }}>{c.number ?? t('actions.wholeOrder')}</TableCell>
            <TableCell align="right" data-testid="cancel-payable">
              {formatMoney(c.amounts.payable)}
            </TableCell>
            <TableCell align="right" data-testid="cancel-gift-card">
              {formatMoney(c.amounts.giftCard)}
            </TableCell>
            <TableCell align="right" data-testid="cancel-points">
              {formatMoney(c.amounts.points)}
            </TableCell>
            <TableCell>
              {!c.cancel || c.cancel.enabled ? (
                <Chip size="small" color="error" variant="outlined" label={t('actions.cancel.willCancel')} />
              ) : (
                <Typography variant="body2" color="text.secondary" data-testid="cancel-refused">
                  {t('actions.cancel.cannot', { reason: reasonOf(c.cancel.reasonCode) })}
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Cancels the order (every sub-order that still can be) or one sub-order; afterwards, what happened and the refunds. */
export function CancelDialog({ target, onClose }: { target: ActionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const refetchPage = useRefetchOrderPage();
  const [cancel] = useMutation(CancelOrderDocument, {
    refetchQueries: [OrderDetailPageDocument],
    awaitRefetchQueries: true,
  });
  return (
    <ActionDialog
      title={t(target.kind === 'order' ? 'actions.cancel.titleOrder' : 'actions.cancel.titleSubOrder', {
        number: target.number,
      })}
      onClose={onClose}
      maxWidth="md"
      confirmColor="error"
      explain={
        <>
          <Typography variant="body2">
            {t(target.kind === 'order' ? 'actions.cancel.explainOrder' : 'actions.cancel.explainSubOrder')}
          </Typography>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {t('actions.cancel.refundExplain')}
          </Typography>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {t('actions.version', { version: target.version })}
          </Typography>
        </>
      }
      confirmLabel={t('actions.cancel.confirm')}
      onVersionConflict={refetchPage}
      onConfirm={async (reason) => {
        const input = { number: target.number, reason, expectedVersion: target.version };
        const { data } = await cancel({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
        const payload = data?.cancelOrder;
        return (
          <>
            <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
              {t('actions.cancel.results')}
            </Typography>
            <OutcomeTable
              results={payload?.results ?? []}
              group="cancelOutcome"
              label={t('actions.cancel.results')}
            />
            <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 0.5 }}>
              {t('actions.cancel.refunds')}
            </Typography>
            <RefundTable
              refunds={payload?.refunds ?? []}
              label={t('actions.cancel.refunds')}
              empty={t('actions.cancel.noRefunds')}
              rowTestId="action-refund"
            />
          </>
        );
      }}
    >
      <CancelPreview target={target} />
    </ActionDialog>
  );
}
