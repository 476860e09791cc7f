import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RiskRulesPanelDocument } from '@/gql/graphql';
import { Section } from '@/shared/Section';
import { LoadingState } from '@/shared/States';
import { RiskRuleRow } from './RiskRuleRow';

/** The screening rules (the view: it owns its query), switchable and editable by the roles that may. */
export function RiskRulesPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(RiskRulesPanelDocument, { fetchPolicy: 'cache-and-network' });
  let body;
  if (!data) {
    body = <LoadingState error={error} onRetry={() => void refetch()} height={160} />;
  } else {
    body = data.riskRules.map((rule) => <RiskRuleRow key={rule.code} rule={rule} canEdit={canEdit} />);
  }
  return (
    <Section title={t('rules.title')}>
      {!canEdit ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('rules.readOnly')}
        </Typography>
      ) : null}
      <div data-testid="rules-panel">{body}</div>
    </Section>
  );
}
