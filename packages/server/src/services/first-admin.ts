import { passwordProblem } from '@oms/schema';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords.js';
import { StaffEntity } from '../entities/index.js';
import { StartRefused } from '../config.js';

/**
 * Outside demo mode, the first start creates `admin` with the password from OMS_ADMIN_PASSWORD, so a real
 * deployment can be set up through the API (docs/api.md "Administration"); with no staff and no password it refuses.
 * The password follows the rule of every account (docs/administration.md): 12–128 characters, no spaces at either end.
 */
export async function ensureFirstAdmin(
  db: DataSource,
  password: string | undefined,
): Promise<'created' | 'present'> {
  if (await db.getRepository(StaffEntity).exists()) return 'present';
  const problem = password ? passwordProblem(password) : 'missing';
  if (!password || problem) {
    throw new StartRefused(
      `No staff account exists yet: set OMS_ADMIN_PASSWORD, the password of the first admin, \`admin\`, which this start then creates (${problem}).`,
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
