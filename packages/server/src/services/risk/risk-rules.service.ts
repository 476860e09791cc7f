import { DEFAULT_RULE_PARAMS, type HoldDefaultAction } from '@oms/schema';
import type { StaffPrincipal } from '../../auth/principal.js';
import { domainError, badInput } from '../../errors/domain-error.js';
import { BlacklistEntity, RiskRuleEntity, type BlacklistKind } from '../../entities/index.js';
import { blacklistEntry } from '../../privacy/personal-data-columns.js';
import { recordAudit } from '../helpers/history.js';
import type { ServiceDeps } from '../helpers/deps.js';

/** Managers' settings of the screening (docs/domain.md §9): rules on or off with thresholds, and the blacklist; audited. */
export class RiskRulesService {
  constructor(private readonly deps: ServiceDeps) {}

  rules(): Promise<RiskRuleEntity[]> {
    return this.deps.db.getRepository(RiskRuleEntity).find({ order: { code: 'ASC' } });
  }

  async updateRule(
    staff: StaffPrincipal,
    code: string,
    enabled: boolean,
    params: Record<string, unknown>,
    address: string | null,
    defaultAction: HoldDefaultAction | null = null,
  ): Promise<RiskRuleEntity> {
    const known = DEFAULT_RULE_PARAMS[code as RiskRuleEntity['code']];
    if (!known) throw badInput('code', `no rule ${code}`);
    const clean: Record<string, number> = {};
    for (const [name, value] of Object.entries(params)) {
      if (!(name in known))
        throw badInput(
          `params.${name}`,
          `${code} has no threshold ${name} (it has: ${Object.keys(known).join(', ') || 'none'})`,
        );
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
        throw badInput(`params.${name}`, 'must be a whole number ≥ 0');
      clean[name] = value;
    }
    return this.deps.db.transaction(async (manager) => {
      const rule = await manager
        .getRepository(RiskRuleEntity)
        .findOneByOrFail({ code: code as RiskRuleEntity['code'] });
      const before = { enabled: rule.enabled, params: rule.params, defaultAction: rule.defaultAction };
      const after = {
        enabled,
        params: { ...rule.params, ...clean },
        defaultAction: defaultAction ?? rule.defaultAction,
      };
      await manager
        .getRepository(RiskRuleEntity)
        .update({ code: rule.code }, { ...after, updatedAt: new Date(), updatedBy: staff.username });
      await recordAudit(manager, {
        staff,
        action: 'UPDATE_RISK_RULE',
        before,
        after: { code, ...after },
        reason: `rule ${code}`,
        address,
      });
      return { ...rule, ...after, updatedBy: staff.username };
    });
  }

  blacklist(): Promise<BlacklistEntity[]> {
    return this.deps.db.getRepository(BlacklistEntity).find({ order: { createdAt: 'DESC' }, take: 500 });
  }

  /**
   * Adds a phone, an address or an account; a phone or an address is stored as the blind index of its normalised form
   * (what screening compares) with a masked display.
   */
  async addEntry(
    staff: StaffPrincipal,
    kind: BlacklistKind,
    value: string,
    note: string | null,
    address: string | null,
  ): Promise<BlacklistEntity> {
    const entry = blacklistEntry(kind, value);
    if (!entry)
      throw badInput('value', kind === 'PHONE' ? 'is not a mainland mobile number' : 'must not be empty');
    return this.deps.db.transaction(async (manager) => {
      const exists = await manager
        .getRepository(BlacklistEntity)
        .findOne({ where: { kind, value: entry.value } });
      if (exists) return exists;
      const { identifiers } = await manager
        .getRepository(BlacklistEntity)
        .insert({ kind, ...entry, note, createdAt: new Date(), createdBy: staff.username });
      await recordAudit(manager, {
        staff,
        action: 'ADD_BLACKLIST_ENTRY',
        after: { kind },
        reason: note ?? `blacklist ${kind}`,
        address,
      });
      return manager.getRepository(BlacklistEntity).findOneByOrFail({ id: String(identifiers[0]!.id) });
    });
  }

  async removeEntry(staff: StaffPrincipal, id: string, address: string | null): Promise<boolean> {
    if (!/^\d{1,18}$/.test(id)) throw badInput('id', 'is not a blacklist entry id');
    return this.deps.db.transaction(async (manager) => {
      const entry = await manager.getRepository(BlacklistEntity).findOneBy({ id });
      if (!entry) throw domainError('NOT_FOUND', `No blacklist entry ${id}.`);
      await manager.getRepository(BlacklistEntity).delete({ id });
      await recordAudit(manager, {
        staff,
        action: 'REMOVE_BLACKLIST_ENTRY',
        before: { kind: entry.kind },
        reason: `blacklist entry ${id}`,
        address,
      });
      return true;
    });
  }
}
