import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@apollo/client/react';
import { DISPLAY_NAME_MAX_LENGTH } from '@oms/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminStaffPageDocument, CreateStaffDocument } from '@/gql/graphql';
import type { StaffRole } from '@/gql/schema';
import { ActionDialog } from '@/shared/ActionDialog';
import { enumLabel } from '@/shared/enumLabel';
import { PasswordField, RoleField, validPassword, validUsername } from './fields';

/**
 * A new staff account (`createStaff`): username, name, initial password and role, checked here by the same rules the
 * server applies (a taken username is the server's to say, shown as its refusal); afterwards the account as made.
 */
export function CreateStaffDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<StaffRole>('AGENT');
  const [attempted, setAttempted] = useState(false);
  const [create] = useMutation(CreateStaffDocument, {
    refetchQueries: [AdminStaffPageDocument],
    awaitRefetchQueries: true,
  });
  const usernameOk = validUsername(username);
  const nameOk = displayName.trim() !== '';
  const passwordOk = validPassword(password);
  return (
    <ActionDialog
      title={t('staffAdmin.createDialog.title')}
      onClose={onClose}
      explain={<Typography variant="body2">{t('staffAdmin.createDialog.explain')}</Typography>}
      withReason={false}
      invalid={!usernameOk || !nameOk || !passwordOk}
      onAttempt={() => setAttempted(true)}
      confirmLabel={t('staffAdmin.createDialog.confirm')}
      onConfirm={async () => {
        const { data } = await create({
          variables: {
            input: { username: username.trim(), displayName: displayName.trim(), password, role },
          },
        });
        const made = data?.createStaff.staff;
        return (
          <Typography variant="body2" data-testid="staff-result">
            {t('staffAdmin.createDialog.done', {
              username: made?.username ?? username.trim(),
              role: enumLabel(t, 'role', made?.role ?? role),
            })}
          </Typography>
        );
      }}
    >
      <TextField
        id="staff-new-username"
        label={t('staffAdmin.field.username')}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        required
        fullWidth
        autoFocus
        autoComplete="off"
        error={attempted && !usernameOk}
        helperText={t(
          attempted && !usernameOk ? 'staffAdmin.field.usernameInvalid' : 'staffAdmin.field.usernameHelp',
        )}
        slotProps={{ htmlInput: { 'data-testid': 'staff-username', maxLength: 32, spellCheck: false } }}
      />
      <TextField
        id="staff-new-display-name"
        label={t('staffAdmin.field.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        required
        fullWidth
        sx={{ mt: 2 }}
        error={attempted && !nameOk}
        helperText={t(
          attempted && !nameOk ? 'staffAdmin.field.displayNameRequired' : 'staffAdmin.field.displayNameHelp',
        )}
        slotProps={{ htmlInput: { 'data-testid': 'staff-display-name', maxLength: DISPLAY_NAME_MAX_LENGTH } }}
      />
      <PasswordField
        id="staff-new-password"
        label={t('staffAdmin.field.password')}
        value={password}
        onChange={setPassword}
        showError={attempted}
        testId="staff-password"
      />
      <RoleField id="staff-new-role" value={role} onChange={setRole} />
    </ActionDialog>
  );
}
