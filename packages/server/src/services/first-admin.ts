import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords.js';
import { StaffEntity } from '../entities/index.js';
import { StartRefused } from '../config.js';

/**
 * Outside demo mode, the first start creates `admin` with the password from OMS_ADMIN_PASSWORD, so a real
 * deployment can be set up through the API (docs/api.md "Administration"); with no staff and no password it refuses.
 */
export async function ensureFirstAdmin(
  db: DataSource,
  password: string | undefined,
): Promise<'created' | 'present'> {
  if (await db.getRepository(StaffEntity).exists()) return 'present';
  if (!password || password.length < 12) {
    throw new StartRefused(
      'No staff account exists yet: set OMS_ADMIN_PASSWORD (at least 12 characters), the password of the first ' +
        'admin, `admin`, which this start then creates.',
    );
  }
  await db.getRepository(StaffEntity).insert({
    username: 'admin',
    displayName: 'Administrator',
    role: 'ADMIN',
    passwordHash: await hashPassword(password),
    createdAt: new Date(),
    disabledAt: null,
  });
  return 'created';
}
