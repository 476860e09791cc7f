import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AdminStaffPageDocument,
  DisableStaffDocument,
  EnableStaffDocument,
  ResetStaffPasswordDocument,
  SetStaffRoleDocument,
} from '@/gql/graphql';
import { ActionDialog } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';
import { PasswordField, RoleField, validPassword } from './fields';
import type { StaffAction, StaffTarget } from './StaffRow';

interface DialogProps {
  readonly target: StaffTarget;
  readonly onClose: () => void;
}

/** Every staff mutation asks for the list again, so the page shows the change. */
const REFETCH = { refetchQueries: [AdminStaffPageDocument], awaitRefetchQueries: true };

/** The dialog of one action on one account; mounted while open, so each opening starts afresh. */
export function StaffActionDialog({ action, ...props }: DialogProps & { action: StaffAction }) {
  switch (action) {
    case 'setRole':
      return <SetRoleDialog {...props} />;
    case 'disable':
      return <DisableDialog {...props} />;
    case 'enable':
      return <EnableDialog {...props} />;
    case 'resetPassword':
      return <ResetPasswordDialog {...props} />;
    default: {
      const unknown: never = action;
      return unknown;
    }
  }
}

function Done({ children }: { children: string }) {
  return (
    <Typography variant="body2" data-testid="staff-result">
      {children}
    </Typography>
  );
}

/** A new role (`setStaffRole`), with a reason for the audit row; the server keeps one active admin at least. */
function SetRoleDialog({ target, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState(target.role);
  const [setStaffRole] = useMutation(SetStaffRoleDocument, REFETCH);
  const names = { username: target.username };
  return (
    <ActionDialog
      title={t('staffAdmin.setRole.title', names)}
      onClose={onClose}
      explain={<Typography variant="body2">{t('staffAdmin.setRole.explain')}</Typography>}
      focusReason={false}
      confirmLabel={t('staffAdmin.setRole.confirm')}
      onConfirm={async (reason) => {
        const { data } = await setStaffRole({ variables: { input: { staffId: target.id, role, reason } } });
        const now = data?.setStaffRole.staff.role ?? role;
        return <Done>{t('staffAdmin.setRole.done', { ...names, role: enumLabel(t, 'role', now) })}</Done>;
      }}
    >
      <RoleField id={`staff-role-${target.id}`} value={role} onChange={setRole} />
    </ActionDialog>
  );
}

/** Disables an account (`disableStaff`): every session of it ends at once. */
function DisableDialog({ target, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [disable] = useMutation(DisableStaffDocument, REFETCH);
  const names = { username: target.username };
  return (
    <ActionDialog
      title={t('staffAdmin.disable.title', names)}
      onClose={onClose}
      explain={<Typography variant="body2">{t('staffAdmin.disable.explain')}</Typography>}
      confirmLabel={t('staffAdmin.disable.confirm')}
      confirmColor="error"
      onConfirm={async (reason) => {
        await disable({ variables: { input: { staffId: target.id, reason } } });
        return <Done>{t('staffAdmin.disable.done', names)}</Done>;
      }}
    />
  );
}

/** Lets a disabled account sign in again (`enableStaff`). */
function EnableDialog({ target, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [enable] = useMutation(EnableStaffDocument, REFETCH);
  const names = { username: target.username };
  return (
    <ActionDialog
      title={t('staffAdmin.enable.title', names)}
      onClose={onClose}
      explain={<Typography variant="body2">{t('staffAdmin.enable.explain')}</Typography>}
      confirmLabel={t('staffAdmin.enable.confirm')}
      onConfirm={async (reason) => {
        await enable({ variables: { input: { staffId: target.id, reason } } });
        return <Done>{t('staffAdmin.enable.done', names)}</Done>;
      }}
    />
  );
}

/** A new password (`resetStaffPassword`), typed twice; the person's sessions end. */
function ResetPasswordDialog({ target, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [reset] = useMutation(ResetStaffPasswordDocument, REFETCH);
  const names = { username: target.username };
  const mismatch = password !== again;
  return (
    <ActionDialog
      title={t('staffAdmin.resetPassword.title', names)}
      onClose={onClose}
      explain={<Typography variant="body2">{t('staffAdmin.resetPassword.explain')}</Typography>}
      focusReason={false}
      invalid={!validPassword(password) || mismatch}
      onAttempt={() => setAttempted(true)}
      confirmLabel={t('staffAdmin.resetPassword.confirm')}
      confirmColor="error"
      onConfirm={async (reason) => {
        await reset({ variables: { input: { staffId: target.id, password, reason } } });
        return <Done>{t('staffAdmin.resetPassword.done', names)}</Done>;
      }}
    >
      <PasswordField
        id={`staff-password-${target.id}`}
        label={t('staffAdmin.field.newPassword')}
        value={password}
        onChange={setPassword}
        showError={attempted}
        testId="staff-new-password"
        autoFocus
      />
      <PasswordField
        id={`staff-password-again-${target.id}`}
        label={t('staffAdmin.field.confirmPassword')}
        value={again}
        onChange={setAgain}
        showError={false}
        testId="staff-new-password-again"
      />
      {attempted && mismatch ? (
        <Typography variant="body2" color="error" role="alert" sx={{ mt: 1 }}>
          {t('staffAdmin.field.passwordMismatch')}
        </Typography>
      ) : null}
    </ActionDialog>
  );
}
