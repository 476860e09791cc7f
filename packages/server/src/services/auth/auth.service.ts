import { domainError } from '../../errors/domain-error.js';
import { verifyPassword } from '../../auth/passwords.js';
import { StaffEntity } from '../../entities/index.js';
import type { SessionService } from './session.service.js';
import { LoginThrottle } from '../../auth/login-throttle.js';
import type { ServiceDeps } from '../helpers/deps.js';

const LOGIN_FAILED = 'Wrong username or password.';

/** Staff login: one message for an unknown user and a wrong password, at the same cost. */
export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Checks the credentials and starts a new session (a fresh token at every login). The session the caller presented
   * with the login, if any, is ended once the new one exists (rotation at login): a browser never carries one token
   * across a sign-in, and a token picked up before it is worth nothing after.
   */
  async login(username: string, password: string, address: string | null, replacing: string | null = null) {
    await this.throttle.attempt(username.trim(), address);
    const staff = await this.deps.db
      .getRepository(StaffEntity)
      .findOne({ where: { username: username.trim() } });
    const ok = await verifyPassword(staff && !staff.disabledAt ? staff.passwordHash : undefined, password);
    if (!staff || !ok) {
      throw domainError('UNAUTHENTICATED', LOGIN_FAILED);
    }
    await this.throttle.succeeded(username.trim(), address);
    const session = await this.sessions.start(staff.id, address);
    await this.deps.db.getRepository(StaffEntity).update(staff.id, { lastLoginAt: new Date() });
    if (replacing) await this.sessions.end(replacing);
    return { ...session, staff };
  }
}
