import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const ROW = { display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' } as const;

/**
 * The toolbar of a list's bulk actions: how many are selected (said again to screen readers as it changes), the
 * actions, and clearing the selection once there is one. `sticky` keeps it in sight under the app bar while long
 * lists scroll.
 */
export function SelectionToolbar({
  label,
  count,
  countText,
  countTestId,
  onClear,
  sticky = false,
  children,
}: {
  label: string;
  count: number;
  countText: string;
  countTestId: string;
  onClear: () => void;
  sticky?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const content = (
    <>
      <Typography variant="body2" aria-live="polite" sx={{ mr: 1 }} data-testid={countTestId}>
        {countText}
      </Typography>
      {children}
      {count > 0 ? (
        <Button size="small" onClick={onClear}>
          {t('queue.bulk.clear')}
        </Button>
      ) : null}
    </>
  );
  return sticky ? (
    <Paper
      variant="outlined"
      role="toolbar"
      aria-label={label}
      sx={{ position: 'sticky', top: 72, zIndex: 2, p: 1.5, ...ROW }}
    >
      {content}
    </Paper>
  ) : (
    <Box role="toolbar" aria-label={label} sx={{ ...ROW, mb: 1 }}>
      {content}
    </Box>
  );
}
