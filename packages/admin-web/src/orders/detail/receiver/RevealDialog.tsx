import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OrderDetailPageDocument,
  RevealPersonalDataDocument,
  type RevealPersonalDataMutation,
} from '@/gql/graphql';
import { errorMessage, hasErrorCode } from '@/shared/errors';

/** The receiver's data in full, as `revealPersonalData` returns it. */
export type RevealedPersonalData = RevealPersonalDataMutation['revealPersonalData']['personalData'];

/**
 * Asks why, then reveals one order's receiver in full (audited on the server, limited per day). The answer is
 * kept out of the Apollo cache: it lives only in the component that shows it.
 */
export function RevealDialog({
  orderNumber,
  open,
  onClose,
  onRevealed,
}: {
  orderNumber: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (data: RevealedPersonalData) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [reveal, { loading }] = useMutation(RevealPersonalDataDocument, {
    fetchPolicy: 'no-cache',
    refetchQueries: [OrderDetailPageDocument],
  });
  const missing = reason.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing) return;
    setFailure(null);
    try {
      const { data } = await reveal({ variables: { input: { orderNumber, reason: reason.trim() } } });
      if (!data) return;
      onRevealed(data.revealPersonalData.personalData);
      setReason('');
      setTouched(false);
      onClose();
    } catch (error) {
      setFailure(
        hasErrorCode(error, 'RATE_LIMITED')
          ? t('errors.rateLimited')
          : hasErrorCode(error, 'FORBIDDEN')
            ? t('errors.forbidden')
            : t('order.receiver.revealFailed', { message: errorMessage(error) }),
      );
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="reveal-title"
      aria-describedby="reveal-explain"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="reveal-title">{t('order.receiver.revealTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText id="reveal-explain" sx={{ mb: 2 }}>
            {t('order.receiver.revealExplain')}
          </DialogContentText>
          {failure ? (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {failure}
            </Alert>
          ) : null}
          <TextField
            id="reveal-reason"
            label={t('order.receiver.revealReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            required
            fullWidth
            autoFocus
            error={touched && missing}
            helperText={
              touched && missing
                ? t('order.receiver.revealReasonRequired')
                : t('order.receiver.revealReasonHelp')
            }
            slotProps={{ htmlInput: { 'data-testid': 'reveal-reason', maxLength: 200 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={loading} data-testid="reveal-confirm">
            {t('order.receiver.revealConfirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
