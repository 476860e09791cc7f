import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '@/app/PageSkeleton';
import { AdminApiKeysPageDocument } from '@/gql/graphql';
import { ColumnHeads } from '@/shared/ColumnHeads';
import { ListTableBody } from '@/shared/ListTableBody';
import { EmptyState } from '@/shared/States';
import { usePageTitle } from '@/shared/usePageTitle';
import { SectionHeader, useSectionAccess } from '../AdminLayout';
import { API_KEY_COLUMNS, ApiKeyRow, type ApiKeyTarget } from './ApiKeyRow';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { RevokeApiKeyDialog } from './RevokeApiKeyDialog';

/**
 * Integration keys (docs/console.md "Administration", admins): live keys first, newest first; a new key is shown once,
 * in its dialog; a live key can be revoked with a reason. After every change the list is asked again.
 */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const access = useSectionAccess('api-keys');
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyTarget | null>(null);
  usePageTitle(t('apiKeys.title'));
  const { data, loading, error, refetch } = useQuery(AdminApiKeysPageDocument, {
    fetchPolicy: 'cache-and-network',
    skip: !access.allowed,
  });
  if (!access.ready) return <PageSkeleton />;
  if (!access.allowed) return <EmptyState title={t('errors.forbidden')} data-testid="forbidden" />;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <SectionHeader
        title={t('apiKeys.title')}
        intro={t('apiKeys.intro')}
        action={
          <Button variant="contained" onClick={() => setCreating(true)} data-testid="api-key-create">
            {t('apiKeys.create')}
          </Button>
        }
      />
      <TableContainer component={Paper} variant="outlined">
        <Table
          size="small"
          aria-label={t('apiKeys.tableLabel')}
          aria-busy={loading}
          data-testid="api-keys-table"
        >
          <TableHead>
            <TableRow>
              <ColumnHeads columns={API_KEY_COLUMNS} heading={(column) => t(`apiKeys.column.${column}`)} />
            </TableRow>
          </TableHead>
          <ListTableBody
            rows={data?.apiKeys.map((key) => (
              <ApiKeyRow key={key.id} apiKey={key} onRevoke={setRevoking} />
            ))}
            loading={loading}
            columns={API_KEY_COLUMNS.length}
            skeletonRows={3}
            error={error}
            onRetry={() => void refetch()}
            empty={<EmptyState title={t('apiKeys.empty')} />}
          />
        </Table>
      </TableContainer>
      {creating ? <CreateApiKeyDialog onClose={() => setCreating(false)} /> : null}
      {revoking ? <RevokeApiKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} /> : null}
    </Box>
  );
}
