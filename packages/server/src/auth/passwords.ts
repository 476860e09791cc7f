import argon2 from 'argon2';

// OWASP's Argon2id minimum (19 MiB, 2 passes): a login costs ~20 ms here.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The Argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown user) it verifies against a dummy hash, so an
 * unknown user costs the same time as a wrong password and usernames cannot be probed by timing.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash) return argon2.verify(hash, password);
  dummyHash ??= hashPassword('no-such-user-dummy-password');
  await argon2.verify(await dummyHash, password);
  return false;
}
