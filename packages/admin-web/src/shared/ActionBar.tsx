import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { StaffAction } from '@/gql/schema';
import { enumLabel } from './enumLabel';

/** One entry of `allowedActions` (an order's, a sub-order's or a refund's), as the server sent it. */
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
 * disabled, with its reason as a tooltip; an enabled one asks `onAction` to open its dialog. Each button is
 * `action-<ACTION>` for browser tests. With nothing offered it says so, unless `quietWhenNone` (a row of a list).
 */
export function ActionBar({
  actions,
  label,
  exclude = [],
  onAction,
  testId,
  quietWhenNone = false,
}: {
  actions: readonly OfferedAction[];
  label: string;
  exclude?: readonly StaffAction[];
  onAction: (action: StaffAction) => void;
  /** names the group for browser tests (the order's own actions: `order-actions`) */
  testId?: string;
  quietWhenNone?: boolean;
}) {
  const { t } = useTranslation();
  const reasonOf = useDisabledReason();
  const shown = actions.filter((a) => !exclude.includes(a.action));
  if (shown.length === 0) {
    return quietWhenNone ? null : (
      <Typography variant="body2" color="text.secondary">
        {t('order.actions.none')}
      </Typography>
    );
  }
  return (
    <Box
      role="group"
      aria-label={label}
      data-testid={testId}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}
    >
      {shown.map((offered) => {
        const name = enumLabel(t, 'staffAction', offered.action);
        const testId = `action-${offered.action}`;
        if (offered.enabled) {
          return (
            <Button
              key={offered.action}
              variant="outlined"
              size="small"
              color={offered.action === 'CANCEL' ? 'error' : 'primary'}
              data-action={offered.action}
              data-testid={testId}
              onClick={() => onAction(offered.action)}
            >
              {name}
            </Button>
          );
        }
        return (
          <Tooltip key={offered.action} title={reasonOf(offered.reasonCode)} describeChild>
            <span tabIndex={0} data-testid={`${testId}-reason`}>
              <Button
                variant="outlined"
                size="small"
                disabled
                data-action={offered.action}
                data-testid={testId}
              >
                {name}
              </Button>
            </span>
          </Tooltip>
        );
      })}
    </Box>
  );
}
