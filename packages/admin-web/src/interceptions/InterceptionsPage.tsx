import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useAbilities } from '@/app/navigation';
import { PageSkeleton } from '@/app/PageSkeleton';
import { EmptyState } from '@/shared/States';
import { usePageTitle } from '@/shared/usePageTitle';
import { BlacklistPanel } from './blacklist/BlacklistPanel';
import { QueueView } from './queue/QueueView';
import { RiskRulesPanel } from './rules/RiskRulesPanel';

/**
 * The interception queue (docs/console.md, managers; ops read only): the holds waiting for a decision, then the rules
 * that raise them and the blacklist. What the person may change follows the role (`app/navigation.ts`); the server
 * enforces the same.
 */
export function InterceptionsPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  usePageTitle(t('queue.title'));
  if (!abilities.ready) return <PageSkeleton />;
  if (!abilities.readInterceptionQueue) {
    return <EmptyState title={t('errors.forbidden')} data-testid="forbidden" />;
  }
  return (
    <Box sx={{ display: 'grid', gap: 3 }}>
      <Box>
        <Typography component="h1" variant="h5" sx={{ mb: 0.5 }}>
          {t('queue.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('queue.intro')}
        </Typography>
        <QueueView canDecide={abilities.decideInterceptions} />
      </Box>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          alignItems: 'start',
          gridTemplateColumns: {
            xs: 'minmax(0, 1fr)',
            lg: abilities.editRiskRules ? 'minmax(0, 1fr) minmax(0, 1fr)' : 'minmax(0, 1fr)',
          },
        }}
      >
        <RiskRulesPanel canEdit={abilities.editRiskRules} />
        {abilities.editRiskRules ? <BlacklistPanel /> : null}
      </Box>
    </Box>
  );
}
