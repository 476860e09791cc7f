import {
  formatLocalTime,
  parseLocalTime,
  PROVINCE_REGIONS,
  REGIONS,
  WAREHOUSE_CAPABILITIES,
  type Region,
  type WarehouseCapability,
} from '@oms/schema';
import type { EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../auth/principal.js';
import { WarehouseEntity } from '../../entities/index.js';
import { badInput, domainError } from '../../errors/domain-error.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { recordAudit } from '../helpers/history.js';

/** A warehouse as an admin creates or edits it (docs/api.md `upsertWarehouse`). */
export interface UpsertWarehouseRequest {
  readonly code: string;
  readonly name: string;
  readonly region: Region;
  readonly province: string;
  readonly city: string;
  readonly address: string;
  readonly capabilities: readonly WarehouseCapability[];
  readonly active: boolean;
  readonly slaAcceptMinutes: number;
  /** `HH:mm`, Asia/Shanghai */
  readonly cutoffLocalTime: string;
  readonly endpointUrl: string;
  /** Required for a new warehouse; left out (or null) on an edit, the stored one is kept. */
  readonly secret?: string | null;
  /** The company branch it belongs to (cost accounting); left out on an edit, kept; on a new warehouse, none. */
  readonly branch?: string | null;
  /** Why, for the audit log (e.g. why a warehouse is taken offline); optional. */
  readonly reason?: string | null;
}

/** A warehouse's code: it names the warehouse in URLs (`/webhooks/wms/:warehouseCode`) and in every message. */
const CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
/** The longest a dispatch may wait for the warehouse's acceptance under its SLA: one day. */
const MAX_SLA_ACCEPT_MINUTES = 24 * 60;

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(field, 'must not be empty');
  if (trimmed.length > max) throw badInput(field, `at most ${max} characters`);
  return trimmed;
}

/** The http(s) URL the warehouse's messages are posted to, or BAD_USER_INPUT naming `field`. */
export function checkedEndpointUrl(field: string, value: string): string {
  const endpointUrl = value.trim();
  if (endpointUrl.length > 2048) throw badInput(field, 'at most 2048 characters');
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    throw badInput(field, 'is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput(field, 'must be http(s)');
  return endpointUrl;
}

/** A signing secret as given (16–256 characters), or undefined when none was given (keep the stored one). */
export function checkedSecret(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const secret = value.trim();
  if (secret.length < 16 || secret.length > 256) throw badInput('secret', '16–256 characters');
  return secret;
}

/** Every field checked and normalised, before anything is read or written. */
function checked(request: UpsertWarehouseRequest) {
  const code = request.code.trim();
  if (!CODE.test(code))
    throw badInput(
      'code',
      'capital letters, digits and "-", 2–32 characters, starting with a letter or digit',
    );
  if (!REGIONS.includes(request.region)) throw badInput('region', `no region ${request.region}`);
  const province = request.province.trim();
  if (!Object.hasOwn(PROVINCE_REGIONS, province))
    throw badInput('province', 'a province-level division as written in addresses, e.g. 北京市 or 广东省');
  const unknown = request.capabilities.findIndex((c) => !WAREHOUSE_CAPABILITIES.includes(c));
  if (unknown >= 0)
    throw badInput(`capabilities[${unknown}]`, `no capability ${request.capabilities[unknown]}`);
  if (
    !Number.isSafeInteger(request.slaAcceptMinutes) ||
    request.slaAcceptMinutes < 1 ||
    request.slaAcceptMinutes > MAX_SLA_ACCEPT_MINUTES
  )
    throw badInput('slaAcceptMinutes', `whole minutes, 1–${MAX_SLA_ACCEPT_MINUTES}`);
  const cutoffMinute = parseLocalTime(request.cutoffLocalTime);
  if (cutoffMinute === null)
    throw badInput('cutoffLocalTime', 'a local time HH:mm (Asia/Shanghai), 00:00–23:59, e.g. 17:30');
  const reason = request.reason?.trim() || null;
  if (reason && reason.length > 500) throw badInput('reason', 'at most 500 characters');
  return {
    code,
    name: text('name', request.name, 64),
    region: request.region,
    province,
    city: text('city', request.city, 64),
    address: text('address', request.address, 200),
    branch: request.branch === null || request.branch === undefined ? undefined : request.branch.trim(),
    capabilities: WAREHOUSE_CAPABILITIES.filter((c) => request.capabilities.includes(c)),
    active: request.active,
    slaAcceptMinutes: request.slaAcceptMinutes,
    cutoffMinute,
    endpointUrl: checkedEndpointUrl('endpointUrl', request.endpointUrl),
    secret: checkedSecret(request.secret),
    reason,
  };
}

/** What the audit log keeps of a warehouse: everything an admin sets, never its secret. */
function audited(warehouse: WarehouseEntity) {
  return {
    code: warehouse.code,
    name: warehouse.name,
    region: warehouse.region,
    province: warehouse.province,
    city: warehouse.city,
    address: warehouse.address,
    branch: warehouse.branch,
    capabilities: warehouse.capabilities,
    active: warehouse.active,
    slaAcceptMinutes: warehouse.slaAcceptMinutes,
    cutoffLocalTime: formatLocalTime(warehouse.cutoffMinute),
    endpointUrl: warehouse.endpointUrl,
  };
}

function whatHappened(before: WarehouseEntity | null, after: WarehouseEntity): string {
  if (!before) return `warehouse ${after.code} created${after.active ? '' : ' offline'}`;
  if (before.active && !after.active) return `warehouse ${after.code} taken offline`;
  if (!before.active && after.active) return `warehouse ${after.code} brought back online`;
  return `warehouse ${after.code} edited`;
}

/**
 * Warehouses as admins keep them (docs/api.md "Administration"): created, or edited by code, in one audited
 * transaction. Taking one offline (`active: false`) only stops new work going there: routing (services/split) and
 * reassignment (services/reassign) pick active warehouses alone, while the sub-orders it already has stay where they
 * are, still dispatched and reported on, until staff move them (docs/domain.md "Taking a warehouse offline").
 */
export class WarehouseAdminService {
  constructor(private readonly deps: ServiceDeps) {}

  async upsert(
    staff: StaffPrincipal,
    request: UpsertWarehouseRequest,
    address: string | null,
  ): Promise<WarehouseEntity> {
    const input = checked(request);
    return inTransaction(this.deps, async ({ manager }) => {
      const existing = await manager
        .getRepository(WarehouseEntity)
        .findOne({ where: { code: input.code }, lock: { mode: 'pessimistic_write' } });
      if (existing && existing.kind !== 'WAREHOUSE')
        throw badInput('code', `${input.code} is a merchant's location, not a warehouse of ours`);
      // As for payment channels: a warehouse without a secret (a new one, or one set up by hand) must be given one.
      if (!existing?.secret && input.secret === undefined)
        throw badInput(
          'secret',
          `${existing ? 'a warehouse without a secret' : 'a new warehouse'} needs one (16–256 characters)`,
        );
      const before = existing ? Object.assign(new WarehouseEntity(), existing) : null;
      const values = {
        name: input.name,
        region: input.region,
        province: input.province,
        city: input.city,
        address: input.address,
        branch: input.branch ?? existing?.branch ?? '',
        capabilities: input.capabilities,
        active: input.active,
        slaAcceptMinutes: input.slaAcceptMinutes,
        cutoffMinute: input.cutoffMinute,
        endpointUrl: input.endpointUrl,
        secret: input.secret ?? existing?.secret ?? null,
      };
      const warehouse = existing
        ? await this.update(manager, existing, values)
        : await this.create(manager, input.code, values);
      await recordAudit(manager, {
        staff,
        action: 'UPSERT_WAREHOUSE',
        before: before ? audited(before) : null,
        after: { ...audited(warehouse), secretChanged: input.secret !== undefined },
        reason: input.reason ?? whatHappened(before, warehouse),
        address,
      });
      return warehouse;
    });
  }

  private async update(
    manager: EntityManager,
    existing: WarehouseEntity,
    values: Partial<WarehouseEntity>,
  ): Promise<WarehouseEntity> {
    await manager.getRepository(WarehouseEntity).update(existing.id, values);
    return Object.assign(existing, values);
  }

  private async create(
    manager: EntityManager,
    code: string,
    values: Partial<WarehouseEntity>,
  ): Promise<WarehouseEntity> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(WarehouseEntity)
      .values({ ...values, code, kind: 'WAREHOUSE' })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (result.raw as { id?: string | number }[])[0]?.id;
    // Two admins creating the same code at once: the other one's is there now; this one says so rather than overwrite.
    if (id === undefined)
      throw domainError('VERSION_CONFLICT', `Warehouse ${code} was created meanwhile: load it and edit it.`);
    return manager.getRepository(WarehouseEntity).findOneByOrFail({ id: String(id) });
  }
}
