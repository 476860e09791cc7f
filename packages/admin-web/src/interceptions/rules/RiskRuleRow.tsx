import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { zhCN } from '@/app/i18n/zh-CN';
import {
  RiskRuleRow_RuleFragmentDoc,
  UpdateRiskRuleDocument,
  type RiskRuleRow_RuleFragment,
} from '@/gql/graphql';
import { HoldDefaultAction } from '@/gql/schema';
import { refusalOf, RefusalText, type Refusal } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';
import { changedParams, isMoneyParam, paramText, ruleParams } from './params';

function paramLabel(t: (key: string) => string, name: string): string {
  return Object.hasOwn(zhCN.rules.param, name) ? t(`rules.param.${name}`) : name;
}

/**
 * One screening rule: switched on or off at once (`updateRiskRule`), its thresholds edited and saved together.
 * Read-only for a role that may only look (`canEdit` from `app/navigation.ts`; the server refuses anyway).
 */
export function RiskRuleRow({
  rule: ref,
  canEdit,
}: {
  rule: FragmentType<RiskRuleRow_RuleFragment>;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const rule = useFragmentData(RiskRuleRow_RuleFragmentDoc, ref);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState(false);
  const [update, { loading }] = useMutation(UpdateRiskRuleDocument);
  if (!rule) return null;

  const params = ruleParams(rule.params);
  const names = Object.keys(params);
  const { params: changed, invalid } = changedParams(params, edits);
  const dirty = Object.keys(changed).length > 0;
  const tt = t as unknown as (key: string) => string;

  const send = async (
    enabled: boolean,
    withParams: Record<string, number> | null,
    defaultAction: HoldDefaultAction | null = null,
  ) => {
    setRefusal(null);
    setSaved(false);
    try {
      await update({
        variables: {
          input: {
            code: rule.code,
            enabled,
            ...(withParams ? { params: withParams } : {}),
            ...(defaultAction ? { defaultAction } : {}),
          },
        },
      });
      if (withParams) {
        setEdits({});
        setSaved(true);
      }
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (dirty && invalid.length === 0) void send(rule.enabled, changed);
  };

  return (
    <Box
      component="form"
      onSubmit={save}
      noValidate
      data-testid={`rule-${rule.code}`}
      sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider', '&:last-of-type': { borderBottom: 0 } }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <FormControlLabel
          sx={{ mr: 'auto' }}
          control={
            <Switch
              checked={rule.enabled}
              disabled={!canEdit || loading}
              onChange={(e) => void send(e.target.checked, null)}
              slotProps={{ input: { 'data-testid': `rule-switch-${rule.code}` } as object }}
            />
          }
          label={
            <Box>
              <Typography variant="subtitle2" component="span">
                {enumLabel(t, 'interceptionRule', rule.code)}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 1 }}>
                {rule.enabled ? t('rules.on') : t('rules.off')}
              </Typography>
            </Box>
          }
        />
        <Typography variant="caption" color="text.secondary">
          {t('rules.updated', {
            time: formatDateTime(rule.updatedAt),
            by: rule.updatedBy ?? t('common.none'),
          })}
        </Typography>
      </Box>
      {Object.hasOwn(zhCN.rules.describe, rule.code) ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {tt(`rules.describe.${rule.code}`)}
        </Typography>
      ) : null}
      {refusal ? (
        <Alert severity="error" sx={{ my: 1 }} role="alert" data-testid="rule-error">
          <RefusalText refusal={refusal} />
        </Alert>
      ) : null}
      {saved ? (
        <Alert severity="success" sx={{ my: 1 }} onClose={() => setSaved(false)}>
          {t('rules.saved')}
        </Alert>
      ) : null}
      <TextField
        select
        size="small"
        id={`rule-${rule.code}-default-action`}
        label={t('rules.defaultAction')}
        value={rule.defaultAction}
        disabled={!canEdit || loading}
        onChange={(e) => void send(rule.enabled, null, e.target.value as HoldDefaultAction)}
        sx={{ width: 200, mt: 1, mr: 1.5 }}
        slotProps={{ htmlInput: { 'data-testid': `rule-default-${rule.code}` } }}
      >
        {Object.values(HoldDefaultAction).map((action) => (
          <MenuItem key={action} value={action}>
            {enumLabel(t, 'holdDefaultAction', action)}
          </MenuItem>
        ))}
      </TextField>
      {names.length > 0 ? (
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start', mt: 1 }}>
          {names.map((name) => {
            const bad = invalid.includes(name);
            return (
              <TextField
                key={name}
                size="small"
                id={`rule-${rule.code}-${name}`}
                label={paramLabel(tt, name)}
                value={edits[name] ?? paramText(name, params[name]!)}
                onChange={(e) => setEdits((now) => ({ ...now, [name]: e.target.value }))}
                error={bad}
                helperText={
                  bad ? t(isMoneyParam(name) ? 'rules.invalidMoney' : 'rules.invalidNumber') : undefined
                }
                sx={{ width: 200 }}
                slotProps={{
                  htmlInput: {
                    readOnly: !canEdit,
                    inputMode: isMoneyParam(name) ? 'decimal' : 'numeric',
                    'data-testid': `rule-param-${rule.code}-${name}`,
                  },
                }}
              />
            );
          })}
          {canEdit ? (
            <Button
              type="submit"
              variant="outlined"
              disabled={!dirty || invalid.length > 0 || loading}
              data-testid={`rule-save-${rule.code}`}
            >
              {t('rules.save')}
            </Button>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
