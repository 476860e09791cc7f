import argon2 from 'argon2';

// OWASP's Argon2id minimum (19 MiB, 2 passes): a login costs ~20 ms here.
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** The Argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_OPTIONS);
}

/**
 * What an unknown (or disabled) user's password is checked against: a real Argon2id hash with the same parameters
 * as every stored one, of a password nobody types. Fixed here rather than made at first use, so the first probe of an
 * unknown name costs no extra hashing either (auth tests check its parameters match PASSWORD_HASH_OPTIONS).
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$LDmgCqmHa7ZQo4Rjuq4gCQ$MULlBNDHBiDHLYKWiBZqaEwz5Cj91/lu8+xvkLvXaFs';

/**
 * Checks a password against a stored hash. With no hash (unknown user) it runs the same one Argon2id verification
 * against DUMMY_PASSWORD_HASH and answers false, so an unknown user costs the same as a wrong password and usernames
 * cannot be probed by timing.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash) return argon2.verify(hash, password);
  await argon2.verify(DUMMY_PASSWORD_HASH, password);
  return false;
}
