/**
 * The rules of staff accounts and integration keys (docs/administration.md), pure so that the server enforces them and
 * the console states them with the same numbers.
 */

/** A username: 2–32 characters of lower-case letters, digits, `.`, `_` or `-`, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** The shortest password an account may have: the first admin's rule (OMS_ADMIN_PASSWORD) holds for everyone. */
export const PASSWORD_MIN_LENGTH = 12;
/** The longest password taken (a bound on the Argon2id input, far beyond any passphrase). */
export const PASSWORD_MAX_LENGTH = 128;
/** The longest display name. */
export const DISPLAY_NAME_MAX_LENGTH = 64;
/** The longest name of an integration key. */
export const API_KEY_NAME_MAX_LENGTH = 64;

/** Why `username` cannot name a new account, or null when it can (uniqueness is the database's to say). */
export function usernameProblem(username: string): string | null {
  return USERNAME_PATTERN.test(username)
    ? null
    : "2–32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or a digit";
}

/** Why `password` cannot be an account's password, or null when it can. Counted in characters, not bytes. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.trim() !== password) return 'no spaces at the start or the end';
  return null;
}

/** Why `name` (already trimmed) cannot be a display name or a key's name of at most `max` characters, or null. */
export function nameProblem(name: string, max: number): string | null {
  if (name === '') return 'must not be empty';
  if ([...name].length > max) return `at most ${max} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'no control characters';
  return null;
}
