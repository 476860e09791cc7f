import type { StaffPrincipal } from '../../auth/principal.js';
import { badInput } from '../../errors/domain-error.js';
import { WarehouseEntity } from '../../entities/index.js';
import { activeLogger } from '../../logging/request-scope.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { checkOrderNumber } from '../helpers/order-numbers.js';
import {
  REASSIGN_CHUNK,
  reassignChunk,
  type ReassignItem,
  type ReassignOutcomes,
  type ReassignTarget,
} from './reassign-chunk.js';

/** A reassignment (docs/api.md `reassignWarehouse`). */
export interface ReassignRequest {
  readonly subOrderNumber: string;
  readonly warehouseCode: string;
  readonly reason: string;
  readonly expectedVersion?: number | null;
}

/** A bulk reassignment (docs/api.md `bulkReassignWarehouse`). */
export interface BulkReassignRequest {
  readonly subOrderNumbers: readonly string[];
  readonly warehouseCode: string;
  readonly reason: string;
}

/**
 * Moves sub-orders to another warehouse (docs/domain.md §3 转仓), one or many: a single move is a chunk of one, so
 * both are decided and written by the same code (reassign-chunk.ts). Stock moves in the same transaction (reserved
 * at the new warehouse, released at the old); a dispatched sub-order is withdrawn from the old warehouse (CANCEL,
 * reason REASSIGN) and dispatched to the new one, unless held. The history keeps every warehouse it passed through.
 */
export class ReassignService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Moves one sub-order; throws the refusal. */
  async reassign(
    staff: StaffPrincipal,
    request: ReassignRequest,
    address: string | null,
  ): Promise<{ id: string }> {
    const reason = this.checkedReason(request.reason);
    const number = checkOrderNumber(request.subOrderNumber, 'SUB_ORDER');
    const target = await this.target(request.warehouseCode);
    const item: ReassignItem = {
      input: request.subOrderNumber,
      number: number.number,
      shard: number.shard,
      expectedVersion: request.expectedVersion,
    };
    return inTransaction(this.deps, async (tx) => {
      const decided: ReassignOutcomes = new Map();
      await reassignChunk(tx, staff, target, [item], reason, address, decided);
      const refusal = decided.get(item.input);
      if (refusal) throw refusal;
      const [moved] = (await tx.manager.query(
        'SELECT id::text AS id FROM sub_orders WHERE number = $1 AND shard = $2',
        [number.number, number.shard],
      )) as { id: string }[];
      return moved!;
    });
  }

  /**
   * Moves many sub-orders at once, in chunks of REASSIGN_CHUNK, each ONE transaction. An unexpected error rolls its
   * chunk back whole; its items report that error, the other chunks stand. Outcomes per number as given.
   */
  async reassignMany(
    staff: StaffPrincipal,
    request: BulkReassignRequest,
    address: string | null,
    chunkSize = REASSIGN_CHUNK,
  ): Promise<ReassignOutcomes> {
    const outcomes: ReassignOutcomes = new Map();
    const unique = [...new Set(request.subOrderNumbers)];
    let reason: string;
    let target: ReassignTarget;
    try {
      reason = this.checkedReason(request.reason);
    } catch (refusal) {
      for (const input of unique) outcomes.set(input, refusal);
      return outcomes;
    }
    const items: ReassignItem[] = [];
    for (const input of unique) {
      try {
        const number = checkOrderNumber(input, 'SUB_ORDER');
        items.push({ input, number: number.number, shard: number.shard });
      } catch (refusal) {
        outcomes.set(input, refusal);
      }
    }
    if (!items.length) return outcomes;
    try {
      target = await this.target(request.warehouseCode);
    } catch (refusal) {
      for (const item of items) outcomes.set(item.input, refusal);
      return outcomes;
    }
    for (let start = 0; start < items.length; start += chunkSize) {
      const chunk = items.slice(start, start + chunkSize);
      const decided: ReassignOutcomes = new Map();
      try {
        await inTransaction(this.deps, (tx) =>
          reassignChunk(tx, staff, target, chunk, reason, address, decided),
        );
        for (const [input, outcome] of decided) outcomes.set(input, outcome);
      } catch (error) {
        activeLogger().error({ err: error, items: chunk.length }, 'bulk reassign chunk rolled back');
        for (const item of chunk) outcomes.set(item.input, decided.get(item.input) ?? error);
      }
    }
    return outcomes;
  }

  private checkedReason(text: string): string {
    const reason = text.trim();
    if (!reason) throw badInput('reason', 'say why the sub-order moves');
    return reason;
  }

  /** The active warehouse of ours named by `code` (a merchant's location is never a target). */
  private async target(code: string): Promise<ReassignTarget> {
    const warehouse = await this.deps.db
      .getRepository(WarehouseEntity)
      .findOne({ where: { code: code.trim() } });
    if (!warehouse || !warehouse.active || warehouse.kind !== 'WAREHOUSE')
      throw badInput('warehouseCode', `no active warehouse ${code}`);
    return { id: warehouse.id, code: warehouse.code, capabilities: warehouse.capabilities };
  }
}
