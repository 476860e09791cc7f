import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { UpsertPaymentChannelDocument, type PaymentChannelsPageQuery } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';
import { errorField, errorMessage } from '@/shared/errors';

/** One channel as the page lists it. */
export type PaymentChannelRow = PaymentChannelsPageQuery['paymentChannels'][number];

type Field = 'endpointUrl' | 'secret';

/**
 * Edits where one payment method's refunds go: the endpoint, and the secret both directions are signed with
 * (write-only: left empty, the stored one is kept; a channel without one must be given one). The server checks both
 * and its refusal is shown at the field it names.
 */
export function PaymentChannelDialog({
  channel,
  onClose,
}: {
  channel: PaymentChannelRow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [endpointUrl, setEndpointUrl] = useState(channel.endpointUrl ?? '');
  const [secret, setSecret] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<{ field: Field; message: string } | null>(null);
  const [upsert] = useMutation(UpsertPaymentChannelDocument);
  const name = enumLabel(t, 'paymentMethod', channel.channel);
  const problems: Partial<Record<Field, string>> = {};
  if (!/^https?:\/\/\S+$/i.test(endpointUrl.trim())) problems.endpointUrl = t('adminWarehouses.form.badUrl');
  const typed = secret.trim();
  if (!channel.hasSecret && !typed) problems.secret = t('adminWarehouses.form.required');
  else if (typed && (typed.length < 16 || typed.length > 256))
    problems.secret = t('adminWarehouses.form.badSecret');
  const shown = (field: Field, label: string, help: string) => {
    const server = refused?.field === field ? refused.message : null;
    const problem = attempted ? problems[field] : undefined;
    return {
      error: !!server || !!problem,
      helperText: server
        ? t('adminWarehouses.form.serverField', { field: label, message: server })
        : (problem ?? help),
    };
  };
  return (
    <ActionDialog
      title={t('paymentChannels.dialog.title', { channel: name })}
      onClose={onClose}
      withReason={false}
      explain={<Typography variant="body2">{t('paymentChannels.dialog.explain')}</Typography>}
      invalid={Object.keys(problems).length > 0}
      onAttempt={() => setAttempted(true)}
      confirmLabel={t('paymentChannels.dialog.confirm')}
      onConfirm={async () => {
        try {
          await upsert({
            variables: {
              input: { channel: channel.channel, endpointUrl: endpointUrl.trim(), secret: typed || null },
            },
          });
        } catch (error) {
          const field = errorField(error);
          if (field === 'endpointUrl' || field === 'secret')
            setRefused({ field, message: errorMessage(error) });
          throw error;
        }
        return <Typography variant="body2">{t('paymentChannels.dialog.done', { channel: name })}</Typography>;
      }}
    >
      <Box sx={{ display: 'grid', gap: 2, pt: 0.5 }}>
        <TextField
          id="channel-endpoint"
          label={t('paymentChannels.dialog.endpoint')}
          value={endpointUrl}
          onChange={(e) => {
            setEndpointUrl(e.target.value);
            setRefused(null);
          }}
          required
          fullWidth
          autoFocus
          type="url"
          {...shown(
            'endpointUrl',
            t('paymentChannels.dialog.endpoint'),
            t('paymentChannels.dialog.endpointHelp'),
          )}
          slotProps={{ htmlInput: { 'data-testid': 'channel-endpoint', style: { fontFamily: MONO } } }}
        />
        <TextField
          id="channel-secret"
          label={t('paymentChannels.dialog.secret')}
          value={secret}
          onChange={(e) => {
            setSecret(e.target.value);
            setRefused(null);
          }}
          required={!channel.hasSecret}
          fullWidth
          type="password"
          autoComplete="new-password"
          {...shown(
            'secret',
            t('paymentChannels.dialog.secret'),
            channel.hasSecret
              ? t('paymentChannels.dialog.secretHelpKeep')
              : t('paymentChannels.dialog.secretHelpNew'),
          )}
          slotProps={{ htmlInput: { 'data-testid': 'channel-secret', maxLength: 256 } }}
        />
      </Box>
    </ActionDialog>
  );
}
