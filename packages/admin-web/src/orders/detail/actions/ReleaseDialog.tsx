import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormHelperText from '@mui/material/FormHelperText';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { ReleaseInterceptionDocument } from '@/gql/graphql';
import { ActionDialog, refusalOf, RefusalText, type Refusal } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';
import { useIdempotencyKey } from '@/shared/idempotency';
import { toggled } from '@/shared/selection';
import { formatDateTime } from '@/shared/time';
import { useRefetchOrderPage, type ActionTarget } from './target';

/**
 * Releases the active holds of the order or sub-order (`releaseInterception`, one call per hold; the order's
 * `interceptions` give their ids). Several holds: each is ticked, and each gets its own result.
 */
export function ReleaseDialog({ target, onClose }: { target: ActionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const refetchPage = useRefetchOrderPage();
  const holds = target.activeInterceptions;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(holds.map((h) => h.id)));
  const [attempted, setAttempted] = useState(false);
  const [release] = useMutation(ReleaseInterceptionDocument);
  const ids = holds.filter((h) => chosen.has(h.id)).map((h) => h.id);
  const toggle = (id: string) => setChosen((now) => toggled(now, id));

  return (
    <ActionDialog
      title={t('actions.release.title', { number: target.number })}
      onClose={onClose}
      explain={<Typography variant="body2">{t('actions.release.explain')}</Typography>}
      invalid={ids.length === 0}
      onAttempt={() => setAttempted(true)}
      confirmLabel={t('actions.release.confirm')}
      onVersionConflict={refetchPage}
      maxWidth="md"
      onConfirm={async (reason) => {
        const results: { id: string; refusal: Refusal | null }[] = [];
        for (const interceptionId of ids) {
          const input = { interceptionId, reason };
          try {
            await release({ variables: { input: { ...input, idempotencyKey: keyFor(input) } } });
            results.push({ id: interceptionId, refusal: null });
          } catch (error) {
            if (ids.length === 1) throw error;
            results.push({ id: interceptionId, refusal: refusalOf(error) });
          }
        }
        await refetchPage();
        return (
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {results.map((r) => {
              const hold = holds.find((h) => h.id === r.id)!;
              const what = t('actions.release.hold', {
                rule: enumLabel(t, 'interceptionRule', hold.rule),
                scope: hold.subOrderNumber ?? t('actions.wholeOrder'),
              });
              return (
                <Typography component="li" variant="body2" key={r.id} data-ok={r.refusal ? 'false' : 'true'}>
                  {what}：{r.refusal ? <RefusalText refusal={r.refusal} /> : t('actions.release.released')}
                </Typography>
              );
            })}
          </Box>
        );
      }}
    >
      {holds.length === 0 ? (
        <Typography variant="body2">{t('actions.release.none')}</Typography>
      ) : (
        <Table size="small" aria-label={t('actions.release.holds')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell>{t('queue.column.rule')}</TableCell>
              <TableCell>{t('actions.column.subOrder')}</TableCell>
              <TableCell>{t('queue.column.reason')}</TableCell>
              <TableCell>{t('queue.column.raisedAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {holds.map((hold) => (
              <TableRow key={hold.id}>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={chosen.has(hold.id)}
                    onChange={() => toggle(hold.id)}
                    slotProps={{
                      input: {
                        'aria-label': t('actions.release.choose', {
                          rule: enumLabel(t, 'interceptionRule', hold.rule),
                        }),
                      },
                    }}
                  />
                </TableCell>
                <TableCell>{enumLabel(t, 'interceptionRule', hold.rule)}</TableCell>
                <TableCell sx={{ fontFamily: MONO }}>
                  {hold.subOrderNumber ?? t('actions.wholeOrder')}
                </TableCell>
                <TableCell>{hold.reason}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(hold.raisedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {attempted && ids.length === 0 ? (
        <FormHelperText error>{t('actions.release.chooseOne')}</FormHelperText>
      ) : null}
    </ActionDialog>
  );
}
