import {
  DISPLAY_NAME_MAX_LENGTH,
  isStaffRole,
  nameProblem,
  passwordProblem,
  usernameProblem,
  type StaffRole,
} from '@oms/schema';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../../auth/passwords.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import { StaffEntity } from '../../entities/index.js';
import { badInput, domainError } from '../../errors/domain-error.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { recordAudit } from '../helpers/history.js';
import { checkedReason, checkedRowId, optionalReason } from './checks.js';

/** A new staff account (docs/api.md `createStaff`). */
export interface CreateStaffRequest {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: StaffRole;
  readonly reason?: string | null;
}

/** A change of one account's role (`setStaffRole`). */
export interface SetStaffRoleRequest {
  readonly staffId: string;
  readonly role: StaffRole;
  readonly reason?: string | null;
}

/** Disabling or enabling one account again (`disableStaff`, `enableStaff`): the reason is required. */
export interface StaffStatusRequest {
  readonly staffId: string;
  readonly reason: string;
}

/** A new password for one account (`resetStaffPassword`). */
export interface ResetStaffPasswordRequest {
  readonly staffId: string;
  readonly password: string;
  readonly reason?: string | null;
}

/** The columns of an account that may leave the service: everything but the password hash. */
const VISIBLE = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  createdAt: true,
  disabledAt: true,
  disabledReason: true,
  lastLoginAt: true,
} as const;

/** The locked account a change is about, and the active admins besides it (for the last-admin guard). */
interface Locked {
  readonly target: { id: string; username: string; role: StaffRole; disabled: boolean };
  readonly otherActiveAdmins: number;
}

/**
 * Staff accounts as ADMIN keeps them (docs/administration.md): create, change role, disable (every session ends at
 * once), enable again, reset a password (every other session ends). Each change is one transaction with its audit row,
 * never carrying a password or its hash. Two guards keep the back office administrable: nobody disables their own
 * account, and the last active admin is neither disabled nor demoted.
 */
export class StaffAccountsService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Every account (a back office has dozens), active ones first, then by username; never a password hash. */
  async list(): Promise<StaffEntity[]> {
    const all = await this.deps.db
      .getRepository(StaffEntity)
      .find({ select: VISIBLE, order: { username: 'ASC' } });
    return [...all.filter((s) => !s.disabledAt), ...all.filter((s) => s.disabledAt)];
  }

  async create(staff: StaffPrincipal, request: CreateStaffRequest, address: string | null) {
    const username = request.username.trim();
    const usernameIssue = usernameProblem(username);
    if (usernameIssue) throw badInput('username', usernameIssue);
    const displayName = request.displayName.trim();
    const nameIssue = nameProblem(displayName, DISPLAY_NAME_MAX_LENGTH);
    if (nameIssue) throw badInput('displayName', nameIssue);
    const passwordIssue = passwordProblem(request.password);
    if (passwordIssue) throw badInput('password', passwordIssue);
    if (!isStaffRole(request.role)) throw badInput('role', 'is not a staff role');
    const reason = optionalReason(request.reason) ?? `new account ${username}`;
    const passwordHash = await hashPassword(request.password);
    return inTransaction(this.deps, async ({ manager }) => {
      // The unique index decides, also between two creations of one name at once.
      const [inserted] = (await manager.query(
        `INSERT INTO staff (username, display_name, role, password_hash, created_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [username, displayName, request.role, passwordHash],
      )) as { id: string }[];
      if (!inserted) throw badInput('username', `${username} is taken`);
      const id = String(inserted.id);
      await recordAudit(manager, {
        staff,
        action: 'CREATE_STAFF',
        after: { staffId: id, username, displayName, role: request.role },
        reason,
        address,
      });
      return this.visible(manager, id);
    });
  }

  async setRole(staff: StaffPrincipal, request: SetStaffRoleRequest, address: string | null) {
    const staffId = checkedRowId('staffId', request.staffId);
    if (!isStaffRole(request.role)) throw badInput('role', 'is not a staff role');
    const reason = optionalReason(request.reason);
    return inTransaction(this.deps, async ({ manager }) => {
      const { target, otherActiveAdmins } = await lockForChange(manager, staffId);
      if (target.role === request.role) return this.visible(manager, staffId);
      if (target.role === 'ADMIN' && !target.disabled && otherActiveAdmins === 0)
        throw badInput(
          'staffId',
          `${target.username} is the last active admin: make someone else admin first`,
        );
      await manager.query('UPDATE staff SET role = $2 WHERE id = $1', [staffId, request.role]);
      await recordAudit(manager, {
        staff,
        action: 'SET_STAFF_ROLE',
        before: { staffId, username: target.username, role: target.role },
        after: { staffId, username: target.username, role: request.role },
        reason: reason ?? `role of ${target.username}`,
        address,
      });
      return this.visible(manager, staffId);
    });
  }

  /** Disables an account and ends every session of it at once: its next request is anonymous. */
  async disable(staff: StaffPrincipal, request: StaffStatusRequest, address: string | null) {
    const staffId = checkedRowId('staffId', request.staffId);
    const reason = checkedReason(request.reason);
    if (staffId === staff.id) throw badInput('staffId', 'you cannot disable your own account');
    return inTransaction(this.deps, async ({ manager }) => {
      const { target, otherActiveAdmins } = await lockForChange(manager, staffId);
      if (target.disabled) return this.visible(manager, staffId);
      if (target.role === 'ADMIN' && otherActiveAdmins === 0)
        throw badInput('staffId', `${target.username} is the last active admin`);
      await manager.query('UPDATE staff SET disabled_at = now(), disabled_reason = $2 WHERE id = $1', [
        staffId,
        reason,
      ]);
      const sessionsEnded = await endSessions(manager, staffId, null);
      await recordAudit(manager, {
        staff,
        action: 'DISABLE_STAFF',
        before: { staffId, username: target.username, active: true },
        after: { staffId, username: target.username, active: false, sessionsEnded },
        reason,
        address,
      });
      return this.visible(manager, staffId);
    });
  }

  /** Lets a disabled account sign in again; the sessions it had stay ended. */
  async enable(staff: StaffPrincipal, request: StaffStatusRequest, address: string | null) {
    const staffId = checkedRowId('staffId', request.staffId);
    const reason = checkedReason(request.reason);
    return inTransaction(this.deps, async ({ manager }) => {
      const { target } = await lockForChange(manager, staffId);
      if (!target.disabled) return this.visible(manager, staffId);
      await manager.query('UPDATE staff SET disabled_at = NULL, disabled_reason = NULL WHERE id = $1', [
        staffId,
      ]);
      await recordAudit(manager, {
        staff,
        action: 'ENABLE_STAFF',
        before: { staffId, username: target.username, active: false },
        after: { staffId, username: target.username, active: true },
        reason,
        address,
      });
      return this.visible(manager, staffId);
    });
  }

  /**
   * Gives an account a new password and ends its sessions (whoever knew the old one is signed out), except the one
   * making the request when admins reset their own.
   */
  async resetPassword(staff: StaffPrincipal, request: ResetStaffPasswordRequest, address: string | null) {
    const staffId = checkedRowId('staffId', request.staffId);
    const passwordIssue = passwordProblem(request.password);
    if (passwordIssue) throw badInput('password', passwordIssue);
    const reason = optionalReason(request.reason);
    const passwordHash = await hashPassword(request.password);
    return inTransaction(this.deps, async ({ manager }) => {
      const { target } = await lockForChange(manager, staffId);
      await manager.query('UPDATE staff SET password_hash = $2 WHERE id = $1', [staffId, passwordHash]);
      const sessionsEnded = await endSessions(
        manager,
        staffId,
        staffId === staff.id ? staff.sessionId : null,
      );
      await recordAudit(manager, {
        staff,
        action: 'RESET_STAFF_PASSWORD',
        after: { staffId, username: target.username, sessionsEnded },
        reason: reason ?? `password of ${target.username}`,
        address,
      });
      return this.visible(manager, staffId);
    });
  }

  private visible(manager: EntityManager, staffId: string): Promise<StaffEntity> {
    return manager.getRepository(StaffEntity).findOneOrFail({ select: VISIBLE, where: { id: staffId } });
  }
}

/**
 * Locks the account a change is about together with every active admin, in id order in one statement (so two changes
 * at once cannot deadlock, and two admins disabling each other at once cannot leave none): the target, or NOT_FOUND,
 * and how many active admins there are besides it.
 */
async function lockForChange(manager: EntityManager, staffId: string): Promise<Locked> {
  const rows = (await manager.query(
    `SELECT id, username, role, disabled_at IS NOT NULL AS disabled FROM staff
     WHERE id = $1 OR (role = 'ADMIN' AND disabled_at IS NULL)
     ORDER BY id FOR UPDATE`,
    [staffId],
  )) as { id: string; username: string; role: StaffRole; disabled: boolean }[];
  const target = rows.find((row) => String(row.id) === staffId);
  if (!target) throw domainError('NOT_FOUND', `No staff account ${staffId}.`);
  const otherActiveAdmins = rows.filter(
    (row) => String(row.id) !== staffId && row.role === 'ADMIN' && !row.disabled,
  ).length;
  return { target: { ...target, id: staffId }, otherActiveAdmins };
}

/** Ends every live session of one person (but `keep`); how many ended. */
async function endSessions(manager: EntityManager, staffId: string, keep: string | null): Promise<number> {
  const [ended] = (await manager.query(
    `WITH ended AS (
       UPDATE sessions SET revoked_at = now()
       WHERE staff_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2::bigint
       RETURNING 1)
     SELECT count(*)::int AS n FROM ended`,
    [staffId, keep],
  )) as { n: number }[];
  return ended!.n;
}
