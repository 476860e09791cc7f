import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AdminApiKeysPageDocument, RevokeApiKeyDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import type { ApiKeyTarget } from './ApiKeyRow';

/** Revokes one key (`revokeApiKey`) with a reason: calls with it are refused from the next one on. */
export function RevokeApiKeyDialog({ apiKey, onClose }: { apiKey: ApiKeyTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [revoke] = useMutation(RevokeApiKeyDocument, {
    refetchQueries: [AdminApiKeysPageDocument],
    awaitRefetchQueries: true,
  });
  const names = { name: apiKey.name };
  return (
    <ActionDialog
      title={t('apiKeys.revokeDialog.title', names)}
      onClose={onClose}
      explain={<Typography variant="body2">{t('apiKeys.revokeDialog.explain')}</Typography>}
      confirmLabel={t('apiKeys.revokeDialog.confirm')}
      confirmColor="error"
      onConfirm={async (reason) => {
        await revoke({ variables: { input: { apiKeyId: apiKey.id, reason } } });
        return (
          <Typography variant="body2" data-testid="api-key-result">
            {t('apiKeys.revokeDialog.done', names)}
          </Typography>
        );
      }}
    />
  );
}
