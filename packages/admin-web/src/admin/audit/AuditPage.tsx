import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '@/app/PageSkeleton';
import { AuditLogPageDocument } from '@/gql/graphql';
import { ColumnHeads } from '@/shared/ColumnHeads';
import { CursorPager } from '@/shared/CursorPager';
import { currentCursor } from '@/shared/cursors';
import { hasFilter } from '@/shared/FilterFields';
import { ListTableBody } from '@/shared/ListTableBody';
import { EmptyState, ErrorState } from '@/shared/States';
import { usePageTitle } from '@/shared/usePageTitle';
import { useUrlState } from '@/shared/useUrlState';
import { SectionHeader, useSectionAccess } from '../AdminLayout';
import { AuditFilters } from './AuditFilters';
import { AUDIT_COLUMNS, AuditRow } from './AuditRow';
import { auditFilter, auditUrl, parseAuditSearch, withAuditFilter } from './urls';

/**
 * The audit log viewer (docs/console.md "Administration", managers and admins): 50 rows a page, newest first, paged
 * by cursor on the server; filters by who acted, order, action and days; filters and page in the URL.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const access = useSectionAccess('audit');
  const [state, go] = useUrlState(parseAuditSearch, auditUrl);
  usePageTitle(t('auditLog.title'));
  const { data, loading, error, refetch } = useQuery(AuditLogPageDocument, {
    variables: { filter: auditFilter(state), after: currentCursor(state) },
    fetchPolicy: 'cache-and-network',
    skip: !access.allowed,
  });
  if (!access.ready) return <PageSkeleton />;
  if (!access.allowed) return <EmptyState title={t('errors.forbidden')} data-testid="forbidden" />;
  const connection = data?.auditLog;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <SectionHeader title={t('auditLog.title')} intro={t('auditLog.intro')} />
      <Box>
        <AuditFilters state={state} onChange={go} />
        {error && connection ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
        <TableContainer component={Paper} variant="outlined">
          <Table
            size="small"
            aria-label={t('auditLog.tableLabel')}
            aria-busy={loading}
            data-testid="audit-table"
          >
            <TableHead>
              <TableRow>
                <ColumnHeads columns={AUDIT_COLUMNS} heading={(column) => t(`auditLog.column.${column}`)} />
              </TableRow>
            </TableHead>
            <ListTableBody
              rows={connection?.edges.map((edge) => (
                <AuditRow
                  key={edge.node.id}
                  entry={edge.node}
                  onStaff={(username) => go(withAuditFilter(state, 'staff', username))}
                />
              ))}
              loading={loading}
              columns={AUDIT_COLUMNS.length}
              skeletonRows={8}
              error={error}
              onRetry={() => void refetch()}
              empty={
                <EmptyState
                  title={t('auditLog.empty')}
                  hint={hasFilter(state) ? t('auditLog.emptyHint') : undefined}
                />
              }
            />
          </Table>
        </TableContainer>
        <CursorPager
          state={state}
          pageInfo={connection?.pageInfo}
          onPage={go}
          label={t('auditLog.pagination')}
          nextTestId="audit-next"
        />
      </Box>
    </Box>
  );
}
