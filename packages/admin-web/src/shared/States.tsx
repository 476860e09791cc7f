import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, hasErrorCode, isNetworkError } from './errors';

/** A clear empty state: what is missing and what to do next. */
export function EmptyState({
  title,
  hint,
  action,
  ...rest
}: {
  title: ReactNode;
  hint?: ReactNode;
  action?: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Box sx={{ py: 6, px: 2, textAlign: 'center' }} role="status">
      <Typography variant="h6" component="p" data-testid={rest['data-testid']}>
        {title}
      </Typography>
      {hint ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {hint}
        </Typography>
      ) : null}
      {action ? <Box sx={{ mt: 2 }}>{action}</Box> : null}
    </Box>
  );
}

/** An error that says what to do next: reconnect, ask for access, or retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let message: string;
  if (isNetworkError(error)) message = t('errors.network');
  else if (hasErrorCode(error, 'FORBIDDEN')) message = t('errors.forbidden');
  else if (hasErrorCode(error, 'UNAUTHENTICATED')) message = t('errors.unauthenticated');
  else if (hasErrorCode(error, 'RATE_LIMITED')) message = t('errors.rateLimited');
  else message = t('errors.generic', { message: errorMessage(error) });
  return (
    <Alert
      severity="error"
      sx={{ my: 2 }}
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      {message}
    </Alert>
  );
}

/** A section before its data has arrived: the error that stopped it, with a retry, else a skeleton of its height. */
export function LoadingState({
  error,
  onRetry,
  height,
}: {
  error: unknown;
  onRetry: () => void;
  height: number;
}) {
  const { t } = useTranslation();
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  return <Skeleton variant="rounded" height={height} aria-label={t('common.loading')} />;
}
