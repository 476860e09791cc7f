import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Switch from '@mui/material/Switch';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { PROVINCE_REGIONS, REGIONS, WAREHOUSE_CAPABILITIES } from '@oms/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import {
  AdminWarehousesPageDocument,
  UpsertWarehouseDocument,
  type WarehouseAdminTable_WarehousesFragment,
} from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';
import { errorField, errorMessage } from '@/shared/errors';
import {
  EMPTY_FORM,
  fieldOfServerError,
  formOf,
  formProblems,
  inputOf,
  withProvince,
  type WarehouseFormField,
  type WarehouseFormValues,
} from './warehouseForm';

const PROVINCES = Object.keys(PROVINCE_REGIONS);

/** The wording key of each field's label under `adminWarehouses.form`. */
const LABEL: Readonly<Record<WarehouseFormField, string>> = {
  code: 'code',
  name: 'name',
  region: 'region',
  province: 'province',
  city: 'city',
  address: 'address',
  branch: 'branch',
  capabilities: 'capabilities',
  active: 'activeOnCreate',
  slaAcceptMinutes: 'sla',
  cutoffLocalTime: 'cutoff',
  endpointUrl: 'endpoint',
  secret: 'secret',
};

/**
 * Creates a warehouse (`warehouse` undefined) or edits one: name and place, region, capabilities, SLA, cut-off,
 * endpoint and a write-only secret (left empty on an edit, the stored one is kept). Every gap the form can see is
 * shown at once; a refusal of the server is shown at the field it names, with its own message.
 */
export function WarehouseFormDialog({
  warehouse,
  onClose,
}: {
  warehouse?: WarehouseAdminTable_WarehousesFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isNew = !warehouse;
  const [values, setValues] = useState<WarehouseFormValues>(() =>
    warehouse ? formOf(warehouse) : EMPTY_FORM,
  );
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<{ field: WarehouseFormField; message: string } | null>(null);
  const [upsert] = useMutation(UpsertWarehouseDocument, {
    refetchQueries: [AdminWarehousesPageDocument],
    awaitRefetchQueries: true,
  });
  const needsSecret = !warehouse || !warehouse.hasSecret;
  const problems = formProblems(values, isNew, needsSecret);
  const set = (next: WarehouseFormValues) => {
    setValues(next);
    setRefused(null);
  };
  const label = (field: WarehouseFormField) =>
    (t as unknown as (key: string) => string)(`adminWarehouses.form.${LABEL[field]}`);

  /** The props that show a field's problem: the form's own once a confirm was tried, or the server's refusal. */
  const shown = (field: WarehouseFormField, help?: string): Partial<TextFieldProps> => {
    const problem = attempted ? problems[field] : undefined;
    const server = refused?.field === field ? refused.message : null;
    return {
      error: !!problem || !!server,
      helperText: server
        ? t('adminWarehouses.form.serverField', { field: label(field), message: server })
        : problem
          ? (t as unknown as (key: string) => string)(`adminWarehouses.form.${problem}`)
          : help,
    };
  };
  const text = (field: Exclude<WarehouseFormField, 'capabilities' | 'active' | 'region'>, help?: string) => ({
    id: `warehouse-${field}`,
    label: label(field),
    value: values[field],
    onChange: (e: { target: { value: string } }) => set({ ...values, [field]: e.target.value }),
    fullWidth: true,
    size: 'small' as const,
    slotProps: { htmlInput: { 'data-testid': `warehouse-${field}` } },
    ...shown(field, help),
  });

  return (
    <ActionDialog
      title={
        warehouse
          ? t('adminWarehouses.form.editTitle', { name: warehouse.name, code: warehouse.code })
          : t('adminWarehouses.form.createTitle')
      }
      onClose={onClose}
      withReason={false}
      maxWidth="md"
      explain={
        <Typography variant="body2">
          {isNew ? t('adminWarehouses.form.createExplain') : t('adminWarehouses.form.editExplain')}
        </Typography>
      }
      invalid={Object.keys(problems).length > 0}
      onAttempt={() => setAttempted(true)}
      confirmLabel={isNew ? t('adminWarehouses.form.confirmCreate') : t('adminWarehouses.form.confirmEdit')}
      onConfirm={async () => {
        try {
          const { data } = await upsert({ variables: { input: inputOf(values) } });
          const saved = data!.upsertWarehouse;
          return (
            <Typography variant="body2">
              {t('adminWarehouses.saved', { name: values.name.trim(), code: saved.code })}
            </Typography>
          );
        } catch (error) {
          const field = fieldOfServerError(errorField(error));
          if (field) setRefused({ field, message: errorMessage(error) });
          throw error;
        }
      }}
    >
      <Box
        sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, pt: 0.5 }}
        data-testid="warehouse-form"
      >
        <TextField
          {...text('code', t('adminWarehouses.form.codeHelp'))}
          required
          autoFocus={isNew}
          slotProps={{
            // Read-only rather than disabled on an edit: the code stays legible (a disabled field's grey fails contrast).
            htmlInput: {
              'data-testid': 'warehouse-code',
              maxLength: 32,
              readOnly: !isNew,
              style: { fontFamily: MONO },
            },
          }}
        />
        <TextField
          {...text('name')}
          required
          autoFocus={!isNew}
          slotProps={{ htmlInput: { 'data-testid': 'warehouse-name', maxLength: 64 } }}
        />
        <TextField
          {...text('province')}
          select
          required
          onChange={(e) => set(withProvince(values, e.target.value))}
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'warehouse-province' },
          }}
        >
          <option value="" disabled>
            {t('reroute.choose')}
          </option>
          {PROVINCES.map((province) => (
            <option key={province} value={province}>
              {province}
            </option>
          ))}
        </TextField>
        <TextField
          id="warehouse-region"
          label={label('region')}
          select
          required
          fullWidth
          size="small"
          value={values.region}
          onChange={(e) => set({ ...values, region: e.target.value as WarehouseFormValues['region'] })}
          {...shown('region', t('adminWarehouses.form.regionHelp'))}
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'warehouse-region' },
          }}
        >
          <option value="" disabled>
            {t('reroute.choose')}
          </option>
          {REGIONS.map((region) => (
            <option key={region} value={region}>
              {enumLabel(t, 'region', region)}
            </option>
          ))}
        </TextField>
        <TextField
          {...text('city')}
          required
          slotProps={{ htmlInput: { 'data-testid': 'warehouse-city', maxLength: 64 } }}
        />
        <TextField {...text('branch', t('adminWarehouses.form.branchHelp'))} />
        <TextField
          {...text('address')}
          required
          sx={{ gridColumn: { sm: '1 / -1' } }}
          slotProps={{ htmlInput: { 'data-testid': 'warehouse-address', maxLength: 200 } }}
        />
        <TextField
          {...text('slaAcceptMinutes', t('adminWarehouses.form.slaHelp'))}
          required
          slotProps={{ htmlInput: { 'data-testid': 'warehouse-slaAcceptMinutes', inputMode: 'numeric' } }}
        />
        <TextField
          {...text('cutoffLocalTime', t('adminWarehouses.form.cutoffHelp'))}
          required
          placeholder="17:30"
          slotProps={{
            htmlInput: {
              'data-testid': 'warehouse-cutoffLocalTime',
              inputMode: 'numeric',
              maxLength: 5,
              style: { fontFamily: MONO },
            },
          }}
        />
        <TextField
          {...text('endpointUrl', t('adminWarehouses.form.endpointHelp'))}
          required
          type="url"
          sx={{ gridColumn: { sm: '1 / -1' } }}
          slotProps={{ htmlInput: { 'data-testid': 'warehouse-endpointUrl', style: { fontFamily: MONO } } }}
        />
        <TextField
          {...text(
            'secret',
            needsSecret ? t('adminWarehouses.form.secretHelpNew') : t('adminWarehouses.form.secretHelpEdit'),
          )}
          required={needsSecret}
          type="password"
          autoComplete="new-password"
          sx={{ gridColumn: { sm: '1 / -1' } }}
          slotProps={{ htmlInput: { 'data-testid': 'warehouse-secret', maxLength: 256 } }}
        />
        <FormControl component="fieldset" error={refused?.field === 'capabilities'}>
          <FormLabel component="legend">{label('capabilities')}</FormLabel>
          <FormGroup row>
            {WAREHOUSE_CAPABILITIES.map((capability) => (
              <FormControlLabel
                key={capability}
                label={enumLabel(t, 'lineAttribute', capability)}
                control={
                  <Checkbox
                    checked={values.capabilities.includes(capability)}
                    onChange={(e) =>
                      set({
                        ...values,
                        capabilities: e.target.checked
                          ? [...values.capabilities, capability]
                          : values.capabilities.filter((c) => c !== capability),
                      })
                    }
                    slotProps={{ input: { 'data-testid': `warehouse-capability-${capability}` } as object }}
                  />
                }
              />
            ))}
          </FormGroup>
        </FormControl>
        {isNew ? (
          <FormControlLabel
            control={
              <Switch
                checked={values.active}
                onChange={(e) => set({ ...values, active: e.target.checked })}
                slotProps={{ input: { 'data-testid': 'warehouse-active' } as object }}
              />
            }
            label={label('active')}
          />
        ) : null}
      </Box>
    </ActionDialog>
  );
}
