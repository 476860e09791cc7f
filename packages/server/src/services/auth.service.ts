import type { DataSource } from 'typeorm';
import { apiError } from '../api/errors.js';
import { verifyPassword } from '../auth/passwords.js';
import { StaffEntity } from '../entities/index.js';
import type { SessionService } from './session.service.js';

const LOGIN_FAILED = 'Wrong username or password.';

/** Staff login: one message for an unknown user and a wrong password, at the same cost. */
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionService,
  ) {}

  /** Checks the credentials and starts a new session (a fresh token at every login). */
  async login(username: string, password: string, address: string | null) {
    const staff = await this.db.getRepository(StaffEntity).findOne({ where: { username: username.trim() } });
    const ok = await verifyPassword(staff && !staff.disabledAt ? staff.passwordHash : undefined, password);
    if (!staff || !ok) throw apiError('UNAUTHENTICATED', LOGIN_FAILED);
    const session = await this.sessions.start(staff.id, address);
    return { ...session, staff };
  }
}
