import TextField from '@mui/material/TextField';
import { PASSWORD_MIN_LENGTH, passwordProblem, STAFF_ROLES, USERNAME_PATTERN } from '@oms/schema';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '@/gql/schema';
import { enumLabel } from '@/shared/enumLabel';

/** True when a username follows the account rules of @oms/schema (uniqueness is the server's to say). */
export const validUsername = (username: string) => USERNAME_PATTERN.test(username.trim());
/** True when a password follows the account rules of @oms/schema. */
export const validPassword = (password: string) => passwordProblem(password) === null;

/** The role of an account, a native select (every role, in the matrix's order). */
export function RoleField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: StaffRole;
  onChange: (role: StaffRole) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      id={id}
      label={t('staffAdmin.field.role')}
      value={value}
      onChange={(e) => onChange(e.target.value as StaffRole)}
      fullWidth
      sx={{ mt: 2 }}
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': 'staff-role-select' },
      }}
    >
      {STAFF_ROLES.map((role) => (
        <option key={role} value={role}>
          {enumLabel(t, 'role', role)}
        </option>
      ))}
    </TextField>
  );
}

/** A password field with the rule as its help and, once tried, what is wrong. */
export function PasswordField({
  id,
  label,
  value,
  onChange,
  showError,
  testId,
  autoFocus = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  showError: boolean;
  testId: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const invalid = showError && !validPassword(value);
  return (
    <TextField
      id={id}
      type="password"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      fullWidth
      autoFocus={autoFocus}
      autoComplete="new-password"
      sx={{ mt: 2 }}
      error={invalid}
      helperText={t(invalid ? 'staffAdmin.field.passwordInvalid' : 'staffAdmin.field.passwordHelp', {
        min: PASSWORD_MIN_LENGTH,
      })}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    />
  );
}
