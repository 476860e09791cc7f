import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useMutation } from '@apollo/client/react';
import { API_KEY_NAME_MAX_LENGTH, API_KEY_SCOPES, type ApiKeyScope } from '@oms/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { AdminApiKeysPageDocument, CreateApiKeyDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';

/**
 * A new integration key (`createApiKey`): a name and at least one scope. The answer holds the key itself, which is
 * shown here once, with a copy button and the warning that it cannot be seen again; it lives only in this dialog's
 * state (never in Apollo's cache: the mutation does not select it into any cached object) and goes when it closes.
 */
export function CreateApiKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ReadonlySet<ApiKeyScope>>(new Set(['orders:create']));
  const [attempted, setAttempted] = useState(false);
  const [create] = useMutation(CreateApiKeyDocument, {
    refetchQueries: [AdminApiKeysPageDocument],
    awaitRefetchQueries: true,
    fetchPolicy: 'no-cache',
  });
  const nameOk = name.trim() !== '';
  const scopesOk = scopes.size > 0;
  const toggle = (scope: ApiKeyScope) =>
    setScopes((now) => {
      const next = new Set(now);
      if (next.has(scope)) next.delete(scope);
      else next.add(scope);
      return next;
    });
  return (
    <ActionDialog
      title={t('apiKeys.createDialog.title')}
      onClose={onClose}
      explain={<Typography variant="body2">{t('apiKeys.createDialog.explain')}</Typography>}
      withReason={false}
      invalid={!nameOk || !scopesOk}
      onAttempt={() => setAttempted(true)}
      confirmLabel={t('apiKeys.createDialog.confirm')}
      maxWidth="md"
      onConfirm={async () => {
        const { data } = await create({
          variables: { input: { name: name.trim(), scopes: API_KEY_SCOPES.filter((s) => scopes.has(s)) } },
        });
        const made = data!.createApiKey;
        return <NewKey name={made.apiKey.name} secret={made.key} />;
      }}
    >
      <TextField
        id="api-key-name"
        label={t('apiKeys.field.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        fullWidth
        autoFocus
        error={attempted && !nameOk}
        helperText={t(attempted && !nameOk ? 'apiKeys.field.nameRequired' : 'apiKeys.field.nameHelp')}
        slotProps={{ htmlInput: { 'data-testid': 'api-key-name', maxLength: API_KEY_NAME_MAX_LENGTH } }}
      />
      <FormControl component="fieldset" required error={attempted && !scopesOk} sx={{ mt: 2 }}>
        <FormLabel component="legend">{t('apiKeys.field.scopes')}</FormLabel>
        <FormGroup row>
          {API_KEY_SCOPES.map((scope) => (
            <FormControlLabel
              key={scope}
              control={
                <Checkbox
                  checked={scopes.has(scope)}
                  onChange={() => toggle(scope)}
                  slotProps={{ input: { ...({ 'data-testid': `api-key-scope-${scope}` } as object) } }}
                />
              }
              label={
                <>
                  {enumLabel(t, 'apiKeyScope', scope)}{' '}
                  <Typography
                    component="span"
                    variant="caption"
                    color="text.secondary"
                    sx={{ fontFamily: MONO }}
                  >
                    {scope}
                  </Typography>
                </>
              }
            />
          ))}
        </FormGroup>
        {attempted && !scopesOk ? <FormHelperText>{t('apiKeys.field.scopesRequired')}</FormHelperText> : null}
      </FormControl>
    </ActionDialog>
  );
}

/** The key just made: the once-only warning, the key in a read-only field and a copy button. */
function NewKey({ name, secret }: { name: string; secret: string }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Typography variant="body2">{t('apiKeys.createDialog.done', { name })}</Typography>
      <Alert severity="warning" data-testid="api-key-once">
        {t('apiKeys.createDialog.once')}
      </Alert>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          id="api-key-secret"
          label={t('apiKeys.createDialog.secret')}
          value={secret}
          fullWidth
          onFocus={(e) => e.target.select()}
          slotProps={{
            htmlInput: { readOnly: true, 'data-testid': 'api-key-secret', spellCheck: false },
            input: { sx: { fontFamily: MONO } },
          }}
        />
        <Button
          variant="contained"
          startIcon={<ContentCopyIcon aria-hidden />}
          sx={{ whiteSpace: 'nowrap', mt: 1 }}
          data-testid="api-key-copy"
          onClick={() => {
            // No clipboard outside secure contexts (plain HTTP off localhost): the key stays selectable by hand.
            Promise.resolve()
              .then(() => navigator.clipboard.writeText(secret))
              .then(() => setCopy('copied'))
              .catch(() => setCopy('failed'));
          }}
        >
          {t('apiKeys.createDialog.copy')}
        </Button>
      </Box>
      <Typography variant="body2" role="status" color={copy === 'failed' ? 'error' : 'text.secondary'}>
        {copy === 'copied'
          ? t('apiKeys.createDialog.copied')
          : copy === 'failed'
            ? t('apiKeys.createDialog.copyFailed')
            : t('apiKeys.createDialog.usage')}
      </Typography>
    </Box>
  );
}
