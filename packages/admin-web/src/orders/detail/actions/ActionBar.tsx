import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAction } from '@/gql/schema';
import { enumLabel } from '@/shared/enumLabel';

/** One entry of `allowedActions`, as the server sent it. */
export interface OfferedAction {
  readonly action: StaffAction;
  readonly enabled: boolean;
  readonly reasonCode: string | null;
}

/** The wording of why an action is disabled, from its reason code. */
export function useDisabledReason(): (code: string | null) => string {
  const { t } = useTranslation();
  return (code) =>
    code && enumLabel(t, 'disabledReason', code) !== code
      ? enumLabel(t, 'disabledReason', code)
      : t('enum.disabledReason.unknown', { code: code ?? '—' });
}

/**
 * A row of buttons built from `allowedActions` alone (never re-derived here): the ones the server disables are
 * disabled, with its reason as a tooltip. The mutations behind them come later; for now they say so.
 */
export function ActionBar({
  actions,
  label,
  exclude = [],
}: {
  actions: readonly OfferedAction[];
  label: string;
  exclude?: readonly StaffAction[];
}) {
  const { t } = useTranslation();
  const reasonOf = useDisabledReason();
  const [notice, setNotice] = useState<string | null>(null);
  const shown = actions.filter((a) => !exclude.includes(a.action));
  if (shown.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('order.actions.none')}
      </Typography>
    );
  }
  return (
    <Box role="group" aria-label={label} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {shown.map((offered) => {
        const name = enumLabel(t, 'staffAction', offered.action);
        if (offered.enabled) {
          return (
            <Button
              key={offered.action}
              variant="outlined"
              size="small"
              data-action={offered.action}
              onClick={() => setNotice(t('common.comingSoon', { action: name }))}
            >
              {name}
            </Button>
          );
        }
        return (
          <Tooltip key={offered.action} title={reasonOf(offered.reasonCode)} describeChild>
            <span tabIndex={0}>
              <Button variant="outlined" size="small" disabled data-action={offered.action}>
                {name}
              </Button>
            </span>
          </Tooltip>
        );
      })}
      <Snackbar
        open={notice !== null}
        autoHideDuration={3000}
        onClose={() => setNotice(null)}
        message={notice}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      />
    </Box>
  );
}
