import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddOrderNoteDocument, OrderDetailPageDocument } from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { type ActionTarget } from './target';

const MAX_NOTE = 2_000;

/** Adds a note to the order's timeline (its text is its reason), internal unless marked customer-visible. */
export function NoteDialog({ target, onClose }: { target: ActionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [customerVisible, setCustomerVisible] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [addNote] = useMutation(AddOrderNoteDocument, {
    refetchQueries: [OrderDetailPageDocument],
    awaitRefetchQueries: true,
  });
  const missing = text.trim() === '';
  return (
    <ActionDialog
      title={t('actions.note.title', { number: target.orderNumber })}
      onClose={onClose}
      withReason={false}
      explain={
        <Typography variant="body2">
          {target.kind === 'subOrder'
            ? t('actions.note.explainSubOrder', { number: target.number, order: target.orderNumber })
            : t('actions.note.explain')}
        </Typography>
      }
      invalid={missing}
      onAttempt={() => setAttempted(true)}
      confirmLabel={t('actions.note.confirm')}
      onConfirm={async () => {
        const body = target.kind === 'subOrder' ? `[${target.number}] ${text.trim()}` : text.trim();
        await addNote({
          variables: { input: { orderNumber: target.orderNumber, text: body, customerVisible } },
        });
        return (
          <Typography variant="body2">
            {customerVisible ? t('actions.note.doneVisible') : t('actions.note.doneInternal')}
          </Typography>
        );
      }}
    >
      <TextField
        id="note-text"
        label={t('actions.note.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        required
        fullWidth
        multiline
        minRows={3}
        autoFocus
        error={attempted && missing}
        helperText={attempted && missing ? t('actions.note.textRequired') : t('actions.note.textHelp')}
        slotProps={{ htmlInput: { 'data-testid': 'note-text', maxLength: MAX_NOTE } }}
      />
      <FormControlLabel
        sx={{ mt: 1 }}
        control={
          <Switch
            checked={customerVisible}
            onChange={(e) => setCustomerVisible(e.target.checked)}
            slotProps={{ input: { 'data-testid': 'note-customer-visible' } as object }}
          />
        }
        label={t('actions.note.customerVisible')}
      />
    </ActionDialog>
  );
}
