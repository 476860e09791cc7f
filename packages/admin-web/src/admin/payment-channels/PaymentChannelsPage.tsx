import { SectionHeader, useSectionAccess } from '../AdminLayout';
import Button from '@mui/material/Button';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '@/app/PageSkeleton';
import { MONO } from '@/app/theme';
import { PaymentChannelsPageDocument } from '@/gql/graphql';
import { ColumnHeads } from '@/shared/ColumnHeads';
import { enumLabel } from '@/shared/enumLabel';
import { ListTableBody } from '@/shared/ListTableBody';
import { EmptyState } from '@/shared/States';
import { formatDateTime } from '@/shared/time';
import { usePageTitle } from '@/shared/usePageTitle';
import { useUrlState } from '@/shared/useUrlState';
import { PaymentChannelDialog } from './PaymentChannelDialog';
import { parsePaymentChannelsSearch, paymentChannelsUrl } from './urls';

const COLUMNS = ['channel', 'endpoint', 'secret', 'updated', 'actions'] as const;

/**
 * Payment channels (docs/console.md "Administration", admins): each refund channel with its endpoint, whether it has
 * a secret, and who changed it last; editing one opens its dialog (in the URL). Channels never set up are listed too,
 * as not configured.
 */
export function PaymentChannelsPage() {
  const { t } = useTranslation();
  const access = useSectionAccess('payment-channels');
  const [state, go] = useUrlState(parsePaymentChannelsSearch, paymentChannelsUrl);
  usePageTitle(t('paymentChannels.title'));
  const { data, loading, error, refetch } = useQuery(PaymentChannelsPageDocument, {
    fetchPolicy: 'cache-and-network',
    skip: !access.allowed,
  });
  if (!access.ready) return <PageSkeleton />;
  if (!access.allowed) return <EmptyState title={t('errors.forbidden')} data-testid="forbidden" />;
  const editing = data?.paymentChannels.find((c) => c.channel === state.edit);

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <SectionHeader title={t('paymentChannels.title')} intro={t('paymentChannels.intro')} />
      <TableContainer component={Paper} variant="outlined">
        <Table
          size="small"
          aria-label={t('paymentChannels.tableLabel')}
          aria-busy={loading}
          data-testid="channels-table"
        >
          <TableHead>
            <TableRow>
              <ColumnHeads columns={COLUMNS} heading={(column) => t(`paymentChannels.column.${column}`)} />
            </TableRow>
          </TableHead>
          <ListTableBody
            rows={data?.paymentChannels.map((channel) => {
              const name = enumLabel(t, 'paymentMethod', channel.channel);
              return (
                <TableRow
                  key={channel.channel}
                  hover
                  data-testid="channel-row"
                  data-channel={channel.channel}
                >
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{name}</TableCell>
                  <TableCell
                    sx={{ fontFamily: MONO, wordBreak: 'break-all' }}
                    data-testid="channel-endpoint-shown"
                  >
                    {channel.endpointUrl ?? (
                      <Typography component="span" variant="body2" color="text.secondary">
                        {t('paymentChannels.notConfigured')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      variant="outlined"
                      color={channel.hasSecret ? 'success' : 'warning'}
                      label={
                        channel.hasSecret
                          ? t('paymentChannels.secretSet')
                          : t('paymentChannels.secretMissing')
                      }
                    />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid="channel-updated">
                    {channel.updatedBy && channel.updatedAt
                      ? t('paymentChannels.updated', {
                          who: channel.updatedBy,
                          time: formatDateTime(channel.updatedAt),
                        })
                      : t('paymentChannels.neverUpdated')}
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      onClick={() => go({ edit: channel.channel })}
                      aria-label={t('paymentChannels.editLabel', { channel: name })}
                      data-testid="channel-edit"
                    >
                      {t('paymentChannels.edit')}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
            loading={loading}
            columns={COLUMNS.length}
            skeletonRows={6}
            error={error}
            onRetry={() => void refetch()}
            empty={<EmptyState title={t('paymentChannels.notConfigured')} />}
          />
        </Table>
      </TableContainer>
      {editing ? (
        <PaymentChannelDialog key={editing.channel} channel={editing} onClose={() => go({})} />
      ) : null}
    </Box>
  );
}
