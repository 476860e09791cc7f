import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { WarehouseStockPickerDocument } from '@/gql/graphql';
import { enumLabel } from '@/shared/enumLabel';
import { LoadingState } from '@/shared/States';
import { checkStock, type MovingSubOrder, type StockCheck } from './stockCheck';

/**
 * Picks the warehouse to move sub-orders to, and shows before anything is confirmed whether it has stock for each
 * of their lines (and can handle their goods). It asks for the warehouses' stock itself, fresh, each time a dialog
 * opens it: stock moves all the time and is not part of the page behind. The server checks again when it moves.
 */
export function WarehouseStockPicker({
  subOrders,
  value,
  onChange,
  error = false,
}: {
  subOrders: readonly MovingSubOrder[];
  value: string;
  onChange: (code: string) => void;
  /** nothing chosen yet and the person tried to confirm */
  error?: boolean;
}) {
  const { t } = useTranslation();
  const {
    data,
    error: loadError,
    refetch,
  } = useQuery(WarehouseStockPickerDocument, {
    fetchPolicy: 'network-only',
  });
  if (!data) return <LoadingState error={loadError} onRetry={() => void refetch()} height={56} />;
  const current = new Set(subOrders.map((s) => s.warehouseCode));
  const onlyOneWarehouse = current.size === 1 ? [...current][0] : undefined;
  const checks = new Map(data.warehouses.map((w) => [w.code, checkStock(subOrders, w)]));
  const target = data.warehouses.find((w) => w.code === value);
  const check = target ? checks.get(target.code)! : null;

  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <TextField
        select
        id="reassign-warehouse"
        label={t('reroute.target')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        fullWidth
        error={error && !value}
        helperText={error && !value ? t('reroute.targetRequired') : t('reroute.targetHelp')}
        slotProps={{
          select: { native: true },
          inputLabel: { shrink: true },
          htmlInput: { 'data-testid': 'reassign-warehouse' },
        }}
      >
        <option value="" disabled>
          {t('reroute.choose')}
        </option>
        {data.warehouses.map((w) => {
          const c = checks.get(w.code)!;
          const state = !w.active
            ? t('reroute.option.inactive')
            : w.code === onlyOneWarehouse
              ? t('reroute.option.current')
              : c.allEnough && c.missingCapabilities.length === 0
                ? t('reroute.option.inStock')
                : t('reroute.option.short');
          return (
            <option key={w.id} value={w.code} disabled={!w.active || w.code === onlyOneWarehouse}>
              {t('reroute.option.label', { name: w.name, code: w.code, state })}
            </option>
          );
        })}
      </TextField>
      {target ? (
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary">
            {t('reroute.capabilities')}
          </Typography>
          {target.capabilities.length === 0 ? (
            <Typography variant="body2">{t('common.none')}</Typography>
          ) : (
            target.capabilities.map((c) => (
              <Chip key={c} size="small" variant="outlined" label={enumLabel(t, 'lineAttribute', c)} />
            ))
          )}
        </Box>
      ) : null}
      {check ? <StockCheckTable check={check} /> : null}
    </Box>
  );
}

/** The stock check of one target: per sku needed vs available, and what the server would refuse. */
export function StockCheckTable({ check }: { check: StockCheck }) {
  const { t } = useTranslation();
  return (
    <Box data-testid="stock-check">
      {check.missingCapabilities.length > 0 ? (
        <Alert severity="error" sx={{ mb: 1 }}>
          {t('reroute.missingCapabilities', {
            goods: check.missingCapabilities.map((c) => enumLabel(t, 'lineAttribute', c)).join('、'),
          })}
        </Alert>
      ) : null}
      {check.alreadyThere.length > 0 ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('reroute.alreadyThere', { numbers: check.alreadyThere.join(', ') })}
        </Alert>
      ) : null}
      <Alert severity={check.allEnough ? 'success' : 'warning'} sx={{ mb: 1 }} data-testid="stock-verdict">
        {check.allEnough
          ? t('reroute.enough')
          : t('reroute.short', { n: check.short.length, numbers: check.short.join(', ') })}
      </Alert>
      <Table size="small" aria-label={t('reroute.stockTable')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('order.lines.sku')}</TableCell>
            <TableCell>{t('order.lines.title')}</TableCell>
            <TableCell align="right">{t('reroute.needed')}</TableCell>
            <TableCell align="right">{t('reroute.available')}</TableCell>
            <TableCell>{t('reroute.stockState')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {check.skus.map((s) => (
            <TableRow key={s.sku} data-testid="stock-line">
              <TableCell sx={{ fontFamily: MONO }}>{s.sku}</TableCell>
              <TableCell>{s.title}</TableCell>
              <TableCell align="right">{s.needed}</TableCell>
              <TableCell align="right">{s.available}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={s.enough ? 'success' : 'error'}
                  label={s.enough ? t('reroute.lineEnough') : t('reroute.lineShort')}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
