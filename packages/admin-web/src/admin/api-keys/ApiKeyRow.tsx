import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { ApiKeyRow_KeyFragmentDoc, type ApiKeyRow_KeyFragment } from '@/gql/graphql';
import { enumLabel } from '@/shared/enumLabel';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';

/** The columns of the key list, in order. */
export const API_KEY_COLUMNS = [
  'name',
  'prefix',
  'scopes',
  'status',
  'createdAt',
  'lastUsedAt',
  'revoked',
  'actions',
] as const;

/** One key as the revoke dialog needs it. */
export type ApiKeyTarget = Pick<ApiKeyRow_KeyFragment, 'id' | 'name' | 'keyPrefix' | 'scopes'>;

/**
 * One integration key: its name, the first characters of the key (never the key), its scopes, whether it is live,
 * who made it and when, when it was last used, and who revoked it and why; a live one can be revoked.
 */
export function ApiKeyRow({
  apiKey,
  onRevoke,
}: {
  apiKey: FragmentType<ApiKeyRow_KeyFragment>;
  onRevoke: (key: ApiKeyTarget) => void;
}) {
  const { t } = useTranslation();
  const key = useFragmentData(ApiKeyRow_KeyFragmentDoc, apiKey);
  if (!key) return null;
  const muted = key.active ? undefined : { '& > td': { color: 'text.secondary' } };
  return (
    <TableRow
      hover
      data-testid="api-key-row"
      data-name={key.name}
      data-active={String(key.active)}
      sx={muted}
    >
      <TableCell sx={{ fontWeight: 500, maxWidth: 220, wordBreak: 'break-word' }}>{key.name}</TableCell>
      <TableCell sx={{ fontFamily: MONO, whiteSpace: 'nowrap' }} data-testid="api-key-prefix">
        {key.keyPrefix ? `${key.keyPrefix}…` : t('common.none')}
      </TableCell>
      <TableCell>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          {key.scopes.map((scope) => (
            <Chip
              key={scope}
              size="small"
              variant="outlined"
              label={enumLabel(t, 'apiKeyScope', scope)}
              title={scope}
            />
          ))}
        </Box>
      </TableCell>
      <TableCell data-testid="api-key-status">
        <Chip
          size="small"
          variant={key.active ? 'filled' : 'outlined'}
          color={key.active ? 'success' : 'default'}
          label={t(key.active ? 'apiKeys.status.active' : 'apiKeys.status.revoked')}
        />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {t('apiKeys.by', { time: formatDateTime(key.createdAt), by: key.createdBy ?? t('common.none') })}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('apiKeys.neverUsed')}
      </TableCell>
      <TableCell sx={{ minWidth: 160, maxWidth: 280 }}>
        {key.revokedAt ? (
          <>
            <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
              {t('apiKeys.by', {
                time: formatDateTime(key.revokedAt),
                by: key.revokedBy ?? t('common.none'),
              })}
            </Typography>
            {key.revokedReason ? (
              <Typography variant="caption" component="div" sx={{ wordBreak: 'break-word' }}>
                {t('apiKeys.revokedReason', { reason: key.revokedReason })}
              </Typography>
            ) : null}
          </>
        ) : (
          t('common.none')
        )}
      </TableCell>
      <TableCell>
        {key.active ? (
          <Button
            size="small"
            variant="outlined"
            color="error"
            onClick={() => onRevoke(key)}
            aria-label={t('apiKeys.revokeFor', { name: key.name })}
            data-testid="api-key-revoke"
          >
            {t('apiKeys.revoke')}
          </Button>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
