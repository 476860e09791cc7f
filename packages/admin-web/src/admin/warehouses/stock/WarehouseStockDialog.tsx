import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { SetStockDocument, WarehouseStockDialogDocument } from '@/gql/graphql';
import { visuallyHidden } from '@/shared/a11y';
import { refusalOf, RefusalText, type Refusal } from '@/shared/ActionDialog';
import { ScrollRegion } from '@/shared/ScrollRegion';
import { LoadingState } from '@/shared/States';
import { stockRows } from './stockRows';

/**
 * A warehouse's stock by sku (on hand, reserved, available), asked for fresh when the dialog opens, and a form that
 * sets the units on hand of one sku (a new one, or one picked from the table). On hand never goes below what is
 * reserved: the server refuses, and its refusal is shown word for word.
 */
export function WarehouseStockDialog({
  warehouse,
  onClose,
}: {
  warehouse: { readonly code: string; readonly name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const { data, error, refetch } = useQuery(WarehouseStockDialogDocument, { fetchPolicy: 'network-only' });
  const [setStock, { loading: sending }] = useMutation(SetStockDocument);
  const [filter, setFilter] = useState('');
  const [sku, setSku] = useState('');
  const [onHand, setOnHand] = useState('');
  const [outcome, setOutcome] = useState<{ saved: string; n: number } | { refusal: Refusal } | null>(null);
  const [attempted, setAttempted] = useState(false);

  const stock = data?.warehouses.find((w) => w.code === warehouse.code)?.stock;
  const rows = stockRows(stock ?? [], filter);
  const current = stock?.find((s) => s.sku === sku.trim());
  const units = /^\d+$/.test(onHand.trim()) ? Number(onHand.trim()) : null;
  const incomplete = !sku.trim() || units === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (incomplete || sending) return;
    try {
      await setStock({
        variables: { input: { warehouseCode: warehouse.code, sku: sku.trim(), onHand: units } },
      });
      setOutcome({ saved: sku.trim(), n: units });
    } catch (refused) {
      setOutcome({ refusal: refusalOf(refused) });
    }
  };
  const pick = (picked: string, units: number) => {
    setSku(picked);
    setOnHand(String(units));
    setOutcome(null);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>
        {t('adminWarehouses.stockDialog.title', { name: warehouse.name, code: warehouse.code })}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('adminWarehouses.stockDialog.explain')}
        </Typography>
        <Box
          component="form"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-label={t('adminWarehouses.stockDialog.formLabel')}
          sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap', mb: 2 }}
        >
          <TextField
            id="stock-sku"
            label={t('adminWarehouses.stockDialog.newSku')}
            value={sku}
            onChange={(e) => {
              setSku(e.target.value);
              setOutcome(null);
            }}
            size="small"
            required
            autoFocus
            error={attempted && !sku.trim()}
            slotProps={{
              htmlInput: { 'data-testid': 'stock-sku', maxLength: 64, style: { fontFamily: MONO } },
            }}
          />
          <TextField
            id="stock-on-hand"
            label={t('adminWarehouses.stockDialog.newOnHand')}
            value={onHand}
            onChange={(e) => {
              setOnHand(e.target.value);
              setOutcome(null);
            }}
            size="small"
            required
            error={attempted && units === null}
            helperText={
              attempted && incomplete
                ? t('adminWarehouses.stockDialog.required')
                : current && current.reserved > 0
                  ? t('adminWarehouses.stockDialog.atLeast', { n: current.reserved })
                  : ' '
            }
            slotProps={{ htmlInput: { 'data-testid': 'stock-on-hand', inputMode: 'numeric' } }}
          />
          <Button
            type="submit"
            variant="contained"
            disabled={sending}
            data-testid="stock-set"
            sx={{ mt: 0.25 }}
          >
            {t('adminWarehouses.stockDialog.set')}
          </Button>
        </Box>
        {outcome && 'saved' in outcome ? (
          <Alert severity="success" role="status" sx={{ mb: 2 }} data-testid="stock-result">
            {t('adminWarehouses.stockDialog.saved', { sku: outcome.saved, n: outcome.n })}
          </Alert>
        ) : null}
        {outcome && 'refusal' in outcome ? (
          <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="stock-error">
            <RefusalText refusal={outcome.refusal} />
          </Alert>
        ) : null}
        <TextField
          id="stock-filter"
          label={t('adminWarehouses.stockDialog.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          size="small"
          sx={{ mb: 1 }}
        />
        {stock ? (
          <ScrollRegion
            label={t('adminWarehouses.stockDialog.tableLabel')}
            sx={{ maxHeight: 360, overflowY: 'auto' }}
          >
            <Table
              size="small"
              stickyHeader
              aria-label={t('adminWarehouses.stockDialog.tableLabel')}
              data-testid="stock-table"
            >
              <TableHead>
                <TableRow>
                  <TableCell>{t('adminWarehouses.stockDialog.sku')}</TableCell>
                  <TableCell align="right">{t('adminWarehouses.stockDialog.onHand')}</TableCell>
                  <TableCell align="right">{t('adminWarehouses.stockDialog.reserved')}</TableCell>
                  <TableCell align="right">{t('adminWarehouses.stockDialog.available')}</TableCell>
                  <TableCell>
                    <Box component="span" sx={visuallyHidden}>
                      {t('adminWarehouses.column.actions')}
                    </Box>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.length === 0 ? (
                  <TableRow>
                    <TableCell colSpan={5}>
                      {stock.length === 0
                        ? t('adminWarehouses.stockDialog.none')
                        : t('adminWarehouses.stockDialog.noMatch')}
                    </TableCell>
                  </TableRow>
                ) : (
                  rows.map((row) => (
                    <TableRow
                      key={row.sku}
                      data-testid="stock-row"
                      data-sku={row.sku}
                      selected={row.sku === sku.trim()}
                    >
                      <TableCell sx={{ fontFamily: MONO }}>{row.sku}</TableCell>
                      <TableCell align="right" data-testid="stock-row-on-hand">
                        {row.onHand}
                      </TableCell>
                      <TableCell align="right" data-testid="stock-row-reserved">
                        {row.reserved}
                      </TableCell>
                      <TableCell align="right" data-testid="stock-row-available">
                        {row.available}
                      </TableCell>
                      <TableCell align="right">
                        <Button
                          size="small"
                          onClick={() => pick(row.sku, row.onHand)}
                          aria-label={t('adminWarehouses.stockDialog.pick', { sku: row.sku })}
                        >
                          {t('adminWarehouses.edit')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))
                )}
              </TableBody>
            </Table>
          </ScrollRegion>
        ) : (
          <LoadingState error={error} onRetry={() => void refetch()} height={160} />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="stock-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
