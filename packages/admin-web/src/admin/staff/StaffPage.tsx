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
import { AdminStaffPageDocument } from '@/gql/graphql';
import { ColumnHeads } from '@/shared/ColumnHeads';
import { ListTableBody } from '@/shared/ListTableBody';
import { EmptyState } from '@/shared/States';
import { usePageTitle } from '@/shared/usePageTitle';
import { SectionHeader, useSectionAccess } from '../AdminLayout';
import { CreateStaffDialog } from './CreateStaffDialog';
import { StaffActionDialog } from './StaffActionDialog';
import { STAFF_COLUMNS, StaffRow, type StaffAction, type StaffTarget } from './StaffRow';

/**
 * Staff accounts (docs/console.md "Administration", admins): every account, active ones first, with its actions; a new
 * account from the button above. After every change the list is asked again.
 */
export function StaffPage() {
  const { t } = useTranslation();
  const access = useSectionAccess('staff');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ action: StaffAction; target: StaffTarget } | null>(null);
  usePageTitle(t('staffAdmin.title'));
  const { data, loading, error, refetch } = useQuery(AdminStaffPageDocument, {
    fetchPolicy: 'cache-and-network',
    skip: !access.allowed,
  });
  if (!access.ready) return <PageSkeleton />;
  if (!access.allowed) return <EmptyState title={t('errors.forbidden')} data-testid="forbidden" />;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <SectionHeader
        title={t('staffAdmin.title')}
        intro={t('staffAdmin.intro')}
        action={
          <Button variant="contained" onClick={() => setCreating(true)} data-testid="staff-create">
            {t('staffAdmin.create')}
          </Button>
        }
      />
      <TableContainer component={Paper} variant="outlined">
        <Table
          size="small"
          aria-label={t('staffAdmin.tableLabel')}
          aria-busy={loading}
          data-testid="staff-table"
        >
          <TableHead>
            <TableRow>
              <ColumnHeads columns={STAFF_COLUMNS} heading={(column) => t(`staffAdmin.column.${column}`)} />
            </TableRow>
          </TableHead>
          <ListTableBody
            rows={data?.staff.map((account) => (
              <StaffRow
                key={account.id}
                account={account}
                isMe={account.id === access.me?.id}
                onAction={(action, target) => setOpen({ action, target })}
              />
            ))}
            loading={loading}
            columns={STAFF_COLUMNS.length}
            skeletonRows={4}
            error={error}
            onRetry={() => void refetch()}
            empty={<EmptyState title={t('staffAdmin.empty')} />}
          />
        </Table>
      </TableContainer>
      {creating ? <CreateStaffDialog onClose={() => setCreating(false)} /> : null}
      {open ? <StaffActionDialog {...open} onClose={() => setOpen(null)} /> : null}
    </Box>
  );
}
