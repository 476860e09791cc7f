import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodes, errorMessage, hasErrorCode, isNetworkError } from './errors';

/** Why the server refused: its code and its message, word for word. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
}

/** The refusal in an error: the first GraphQL error's code and message, or a network failure. */
export function refusalOf(error: unknown): Refusal {
  if (isNetworkError(error)) return { code: 'NETWORK', message: errorMessage(error) };
  return { code: errorCodes(error)[0] ?? 'ERROR', message: errorMessage(error) };
}

/** The refusal worded for people: the code, then the server's own message. */
export function RefusalText({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  if (refusal.code === 'NETWORK') return <>{t('errors.network')}</>;
  return <>{t('actions.refused', { code: refusal.code, message: refusal.message })}</>;
}

export interface ActionDialogProps {
  readonly title: string;
  readonly onClose: () => void;
  /** What will happen, in words, before anything is sent. */
  readonly explain: ReactNode;
  /** What the action touches (sub-orders and amounts, a warehouse picker…), shown above the reason. */
  readonly children?: ReactNode;
  /** Ask for a reason (required, shown in the timeline); false when the dialog has its own text. */
  readonly withReason?: boolean;
  readonly reasonHelp?: string;
  /** Whether the reason takes the focus when the dialog opens; false when a field of the dialog's own comes first. */
  readonly focusReason?: boolean;
  readonly confirmLabel: string;
  readonly confirmColor?: 'primary' | 'error';
  /** The dialog's own fields are incomplete: confirming only marks them. */
  readonly invalid?: boolean;
  /** Called on every confirm attempt, so the dialog's own fields can show what is missing. */
  readonly onAttempt?: () => void;
  /** Sends the change; resolves to what to show afterwards, throws the server's refusal. */
  readonly onConfirm: (reason: string) => Promise<ReactNode>;
  /** On VERSION_CONFLICT: load the current state (the page behind shows it, and so does this dialog). */
  readonly onVersionConflict?: () => Promise<unknown>;
  readonly maxWidth?: 'sm' | 'md' | 'lg';
}

type Phase =
  | { readonly kind: 'form'; readonly refusal: Refusal | null; readonly conflict: boolean }
  | { readonly kind: 'sending' }
  | { readonly kind: 'done'; readonly result: ReactNode };

/**
 * The one shape of every action's confirm dialog: what will happen, what it touches, a required reason, then either
 * the result (`action-result`) or the precise refusal (`action-error`: code and message). When someone else changed
 * the object first (VERSION_CONFLICT), the current state is loaded and the dialog says so (`version-conflict`);
 * confirming again then sends the new version.
 */
export function ActionDialog({
  title,
  onClose,
  explain,
  children,
  withReason = true,
  reasonHelp,
  focusReason = true,
  confirmLabel,
  confirmColor = 'primary',
  invalid = false,
  onAttempt,
  onConfirm,
  onVersionConflict,
  maxWidth = 'sm',
}: ActionDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const explainId = useId();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'form', refusal: null, conflict: false });
  const missingReason = withReason && reason.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.kind !== 'form') return;
    setTouched(true);
    onAttempt?.();
    if (missingReason || invalid) return;
    setPhase({ kind: 'sending' });
    try {
      const result = await onConfirm(reason.trim());
      setPhase({ kind: 'done', result });
    } catch (error) {
      if (hasErrorCode(error, 'VERSION_CONFLICT')) {
        await onVersionConflict?.().catch(() => undefined);
        setPhase({ kind: 'form', refusal: null, conflict: true });
      } else {
        setPhase({ kind: 'form', refusal: refusalOf(error), conflict: false });
      }
    }
  };

  const done = phase.kind === 'done';
  return (
    <Dialog
      open
      onClose={phase.kind === 'sending' ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={done ? undefined : explainId}
      fullWidth
      maxWidth={maxWidth}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {done ? null : (
            <Box id={explainId} sx={{ mb: 2, color: 'text.secondary', typography: 'body2' }}>
              {explain}
            </Box>
          )}
          {phase.kind === 'form' && phase.conflict ? (
            <Alert severity="warning" role="alert" sx={{ mb: 2 }} data-testid="version-conflict">
              {t('actions.versionConflict')}
            </Alert>
          ) : null}
          {phase.kind === 'form' && phase.refusal ? (
            <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="action-error">
              <RefusalText refusal={phase.refusal} />
            </Alert>
          ) : null}
          {done ? (
            <Box data-testid="action-result" role="status">
              {phase.result}
            </Box>
          ) : (
            <>
              {children}
              {withReason ? (
                <TextField
                  id={`${titleId}-reason`}
                  label={t('actions.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  onBlur={() => setTouched(true)}
                  required
                  fullWidth
                  multiline
                  minRows={2}
                  autoFocus={focusReason}
                  sx={{ mt: 2 }}
                  error={touched && missingReason}
                  helperText={touched && missingReason ? t('actions.reasonRequired') : reasonHelp}
                  slotProps={{ htmlInput: { 'data-testid': 'action-reason', maxLength: 500 } }}
                />
              ) : null}
            </>
          )}
        </DialogContent>
        <DialogActions>
          {done ? (
            <Button onClick={onClose} variant="contained" autoFocus>
              {t('common.close')}
            </Button>
          ) : (
            <>
              <Button onClick={onClose} disabled={phase.kind === 'sending'} data-testid="action-dismiss">
                {t('actions.dismiss')}
              </Button>
              <Button
                type="submit"
                variant="contained"
                color={confirmColor}
                disabled={phase.kind === 'sending'}
                data-testid="action-confirm"
              >
                {phase.kind === 'sending' ? t('actions.sending') : confirmLabel}
              </Button>
            </>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
