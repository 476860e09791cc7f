import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useAbilities } from '@/app/navigation';
import { PageSkeleton } from '@/app/PageSkeleton';
import { EmptyState } from '@/shared/States';
import { usePageTitle } from '@/shared/usePageTitle';
import { FailedRefundsView } from './list/FailedRefundsView';

/**
 * The refunds screen (docs/console.md "Refunds", ops and up): the refunds their channel refused or that never reached
 * it, sent again one by one or in bulk, or settled offline by a manager. Who sees it follows the role
 * (`app/navigation.ts`); what each refund offers comes from the server.
 */
export function RefundsPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  usePageTitle(t('refund.title'));
  if (!abilities.ready) return <PageSkeleton />;
  if (!abilities.handleFailedRefunds) {
    return <EmptyState title={t('errors.forbidden')} data-testid="forbidden" />;
  }
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box>
        <Typography component="h1" variant="h5" sx={{ mb: 0.5 }}>
          {t('refund.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('refund.intro')}
        </Typography>
      </Box>
      <FailedRefundsView canRetry={abilities.handleFailedRefunds} />
    </Box>
  );
}
