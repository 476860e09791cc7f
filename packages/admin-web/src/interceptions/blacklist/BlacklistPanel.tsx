import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import {
  AddBlacklistEntryDocument,
  BlacklistPanelDocument,
  RemoveBlacklistEntryDocument,
  type BlacklistPanelQuery,
} from '@/gql/graphql';
import { BlacklistKind } from '@/gql/schema';
import { refusalOf, RefusalText, type Refusal } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';
import { Section } from '@/shared/Section';
import { EmptyState, LoadingState } from '@/shared/States';
import { formatDateTime } from '@/shared/time';
import { ScrollRegion } from '@/shared/ScrollRegion';

type Entry = BlacklistPanelQuery['blacklist'][number];
const KINDS = Object.values(BlacklistKind);

function AddEntryForm() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BlacklistKind>('PHONE');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [add, { loading }] = useMutation(AddBlacklistEntryDocument, {
    refetchQueries: [BlacklistPanelDocument],
    awaitRefetchQueries: true,
  });
  const missing = value.trim() === '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (missing) return;
    setRefusal(null);
    try {
      await add({
        variables: { input: { kind, value: value.trim(), ...(note.trim() ? { note: note.trim() } : {}) } },
      });
      setValue('');
      setNote('');
      setAttempted(false);
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('blacklist.add')}>
      {refusal ? (
        <Alert severity="error" sx={{ mb: 1 }} role="alert" data-testid="blacklist-error">
          <RefusalText refusal={refusal} />
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          id="blacklist-kind"
          label={t('blacklist.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as BlacklistKind)}
          sx={{ width: 120 }}
        >
          {KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {enumLabel(t, 'blacklistKind', k)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          id="blacklist-value"
          label={t('blacklist.value')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
          error={attempted && missing}
          helperText={attempted && missing ? t('blacklist.valueRequired') : undefined}
          slotProps={{ htmlInput: { 'data-testid': 'blacklist-value', maxLength: 200 } }}
          sx={{ flex: '1 1 180px' }}
        />
        <TextField
          size="small"
          id="blacklist-note"
          label={t('blacklist.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 200 } }}
          sx={{ flex: '1 1 160px' }}
        />
        <Button type="submit" variant="contained" disabled={loading} data-testid="blacklist-add">
          {t('blacklist.add')}
        </Button>
      </Box>
    </Box>
  );
}

function RemoveDialog({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [remove, { loading }] = useMutation(RemoveBlacklistEntryDocument, {
    refetchQueries: [BlacklistPanelDocument],
    awaitRefetchQueries: true,
  });
  const confirm = async () => {
    setRefusal(null);
    try {
      await remove({ variables: { id: entry.id } });
      onClose();
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="blacklist-remove-title" fullWidth maxWidth="xs">
      <DialogTitle id="blacklist-remove-title">{t('blacklist.removeTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('blacklist.removeExplain', {
            kind: enumLabel(t, 'blacklistKind', entry.kind),
            value: entry.value,
          })}
        </DialogContentText>
        {refusal ? (
          <Alert severity="error" sx={{ mt: 2 }} role="alert" data-testid="action-error">
            <RefusalText refusal={refusal} />
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          color="error"
          variant="contained"
          onClick={() => void confirm()}
          disabled={loading}
          data-testid="action-confirm"
        >
          {t('blacklist.remove')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The blacklist (the view: it owns its query): phones, addresses and accounts screening holds on sight. */
export function BlacklistPanel() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(BlacklistPanelDocument, { fetchPolicy: 'cache-and-network' });
  const [removing, setRemoving] = useState<Entry | null>(null);
  let body;
  if (!data) {
    body = <LoadingState error={error} onRetry={() => void refetch()} height={120} />;
  } else if (data.blacklist.length === 0) {
    body = <EmptyState title={t('blacklist.empty')} />;
  } else {
    body = (
      <ScrollRegion label={t('blacklist.title')} sx={{ maxHeight: 420, overflow: 'auto' }}>
        <Table size="small" stickyHeader aria-label={t('blacklist.title')} data-testid="blacklist-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('blacklist.kind')}</TableCell>
              <TableCell>{t('blacklist.value')}</TableCell>
              <TableCell>{t('blacklist.note')}</TableCell>
              <TableCell>{t('blacklist.created')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.blacklist.map((entry) => (
              <TableRow key={entry.id} data-testid="blacklist-row">
                <TableCell>{enumLabel(t, 'blacklistKind', entry.kind)}</TableCell>
                <TableCell sx={{ fontFamily: MONO, overflowWrap: 'anywhere' }}>{entry.value}</TableCell>
                <TableCell>{entry.note ?? t('common.none')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(entry.createdAt)}
                  <Typography variant="caption" color="text.secondary" component="div">
                    {entry.createdBy ?? t('common.none')}
                  </Typography>
                </TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    color="error"
                    onClick={() => setRemoving(entry)}
                    aria-label={t('blacklist.removeOne', { value: entry.value })}
                  >
                    {t('blacklist.remove')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    );
  }
  return (
    <Section title={t('blacklist.title')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('blacklist.explain')}
      </Typography>
      <AddEntryForm />
      <Box sx={{ mt: 2 }}>{body}</Box>
      {removing ? <RemoveDialog entry={removing} onClose={() => setRemoving(null)} /> : null}
    </Section>
  );
}
