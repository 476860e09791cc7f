import {
  maskPhone,
  normalizePhone,
  parseOrderNumber,
  type FulfilmentStatus,
  type OrderSource,
  type OrderStatus,
  type OrderType,
} from '@oms/schema';
import type { SelectQueryBuilder } from 'typeorm';
import { checkOrderNumber } from '../helpers/order-numbers.js';
import { OrderEntity, ShipmentEntity, SubOrderEntity } from '../../entities/index.js';
import { personalDataCipher } from '../../privacy/personal-data-cipher.js';
import { selectEntities } from '../../database/select-entities.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { spendAllowance } from '../helpers/allowance.js';
import { recordAudit } from '../helpers/history.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import { decodeCursor, encodeCursor } from '../helpers/cursors.js';

/** The flat filters of docs/api.md's `OrderFilter`. */
export interface OrderListFilter {
  status?: OrderStatus | null;
  fulfilmentStatus?: FulfilmentStatus | null;
  warehouseCode?: string | null;
  source?: OrderSource | null;
  type?: OrderType | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  held?: boolean | null;
  receiverPhone?: string | null;
  trackingNumber?: string | null;
}

/** One page of a keyset-paged list. */
export interface Page<T> {
  readonly nodes: T[];
  readonly cursors: string[];
  readonly hasNextPage: boolean;
}

/** What a search box query matched (docs/console.md "Search"). */
export type SearchMatchKind = 'ORDER_NUMBER' | 'SUB_ORDER_NUMBER' | 'TRACKING_NUMBER' | 'PHONE' | 'NONE';

/** The audit action of a look-up by a receiver's full phone number (docs/domain.md §10). */
export const PHONE_SEARCH_ACTION = 'SEARCH_BY_PHONE';

/** Where a phone look-up came from, as its audit row says. */
export type PhoneSearchSource = 'search box' | 'order list filter';

/** The orders a search matched, how, and whether it looked like a mistyped order number. */
export interface SearchOutcome {
  readonly kind: SearchMatchKind;
  readonly orders: OrderEntity[];
  readonly invalidOrderNumber: boolean;
}

/** At most this many orders for one phone or tracking number; the console offers a short list. */
const SEARCH_LIMIT = 20;

/** Read-side use cases: find one order by any key, list and search. */
export class OrderLookupService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * The parent order for a parent or sub-order number, routed by the shard the number carries; null when absent.
   * A malformed number or failed check digit is `INVALID_ORDER_NUMBER`.
   */
  async findByNumber(number: string): Promise<OrderEntity | null> {
    const parsed = checkOrderNumber(number);
    // The agent's look-up, the busiest read: plain SQL, hydrated as the loaders hydrate (no query to build).
    const [order] = await selectEntities(
      this.deps.db,
      OrderEntity,
      parsed.kind === 'ORDER'
        ? 'SELECT to_jsonb(o) AS row FROM orders o WHERE o.number = $1 AND o.shard = $2'
        : `SELECT to_jsonb(o) AS row FROM sub_orders s JOIN orders o ON o.id = s.order_id
           WHERE s.number = $1 AND s.shard = $2`,
      [parsed.number, parsed.shard],
    );
    return order ?? null;
  }

  /** A sub-order by its number, or null; `INVALID_ORDER_NUMBER` when it is not a sub-order number. */
  async findSubOrder(number: string): Promise<SubOrderEntity | null> {
    const parsed = checkOrderNumber(number, 'SUB_ORDER');
    return this.deps.db
      .getRepository(SubOrderEntity)
      .findOne({ where: { number: parsed.number, shard: parsed.shard } });
  }

  /** A page of orders, newest first, keyset-paged on (created_at, id). */
  async list(filter: OrderListFilter, first: number, after: string | null): Promise<Page<OrderEntity>> {
    const query = this.deps.db.getRepository(OrderEntity).createQueryBuilder('o');
    applyFilter(query, filter);
    if (after) {
      const [createdAt, id] = decodeCursor(after, ['time', 'id']);
      query.andWhere('(o.created_at, o.id) < (:cursorAt, :cursorId)', { cursorAt: createdAt, cursorId: id });
    }
    const rows = await query
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const nodes = rows.slice(0, first);
    return {
      nodes,
      cursors: nodes.map((order) => encodeCursor([order.createdAt, order.id])),
      hasNextPage: rows.length > first,
    };
  }

  /**
   * The search box (docs/console.md): a number with a valid check digit is an order or sub-order number; else an exact
   * tracking number; else an 11-digit phone. A 16-digit input whose check digit fails, and that matched nothing
   * else, is reported as a mistyped order number.
   */
  /**
   * A look-up by a receiver's full phone number (docs/domain.md §10): allowed, since an agent on a call needs it, but
   * counted and audited so search cannot unmask what the screen masks — at most OMS_PHONE_SEARCH_HOURLY_LIMIT an hour
   * per staff member, every candidate counted (aliases in one request too), each written to the audit log with the
   * phone masked. Refused with RATE_LIMITED past the limit; runs before the look-up itself.
   */
  async admitPhoneSearch(
    staff: StaffPrincipal,
    phone: string,
    source: PhoneSearchSource,
    address: string | null,
  ): Promise<void> {
    const limit = this.deps.config.phoneSearchHourlyLimit;
    await inTransaction(this.deps, async ({ manager }) => {
      await spendAllowance(manager, staff, {
        action: PHONE_SEARCH_ACTION,
        window: 'HOUR',
        limit,
        refusal: `At most ${limit} look-ups by phone number an hour; search by order or tracking number, or ask a manager.`,
      });
      await recordAudit(manager, {
        staff,
        action: PHONE_SEARCH_ACTION,
        after: { phone: maskPhone(phone) },
        reason: source,
        address,
      });
    });
  }

  async search(input: string, staff: StaffPrincipal, address: string | null): Promise<SearchOutcome> {
    const query = input.trim();
    const none = (invalidOrderNumber = false): SearchOutcome => ({
      kind: 'NONE',
      orders: [],
      invalidOrderNumber,
    });
    if (!query) return none();
    const parsed = parseOrderNumber(query);
    if (parsed.ok) {
      const order = await this.findByNumber(parsed.number);
      if (order)
        return {
          kind: parsed.kind === 'ORDER' ? 'ORDER_NUMBER' : 'SUB_ORDER_NUMBER',
          orders: [order],
          invalidOrderNumber: false,
        };
    }
    const byTracking = await this.list({ trackingNumber: query }, SEARCH_LIMIT, null);
    if (byTracking.nodes.length)
      return { kind: 'TRACKING_NUMBER', orders: byTracking.nodes, invalidOrderNumber: false };
    const phone = normalizePhone(query);
    if (phone) {
      await this.admitPhoneSearch(staff, phone, 'search box', address);
      const byPhone = await this.list({ receiverPhone: phone }, SEARCH_LIMIT, null);
      if (byPhone.nodes.length) return { kind: 'PHONE', orders: byPhone.nodes, invalidOrderNumber: false };
    }
    return none(!parsed.ok && /^\d{16}$/.test(query));
  }
}

function applyFilter(query: SelectQueryBuilder<OrderEntity>, filter: OrderListFilter): void {
  if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
  if (filter.source) query.andWhere('o.source = :source', { source: filter.source });
  if (filter.type) query.andWhere('o.type = :type', { type: filter.type });
  if (filter.held !== undefined && filter.held !== null)
    query.andWhere(filter.held ? 'o.held' : 'NOT o.held');
  if (filter.createdFrom) query.andWhere('o.created_at >= :createdFrom', { createdFrom: filter.createdFrom });
  if (filter.createdTo) query.andWhere('o.created_at < :createdTo', { createdTo: filter.createdTo });
  if (filter.receiverPhone) {
    query.andWhere('o.receiver_phone_index = :phoneIndex', {
      phoneIndex: personalDataCipher().phoneIndex(filter.receiverPhone),
    });
  }
  if (filter.fulfilmentStatus || filter.warehouseCode) {
    const sub = query.subQuery().select('1').from(SubOrderEntity, 's').where('s.order_id = o.id');
    if (filter.fulfilmentStatus)
      sub.andWhere('s.status = :fulfilmentStatus', { fulfilmentStatus: filter.fulfilmentStatus });
    if (filter.warehouseCode) {
      sub.andWhere('s.warehouse_id = (SELECT w.id FROM warehouses w WHERE w.code = :warehouseCode)', {
        warehouseCode: filter.warehouseCode,
      });
    }
    query.andWhere(`EXISTS ${sub.getQuery()}`, sub.getParameters());
  }
  if (filter.trackingNumber) {
    const sub = query
      .subQuery()
      .select('sh.order_id')
      .from(ShipmentEntity, 'sh')
      .where('sh.tracking_number = :trackingNumber', { trackingNumber: filter.trackingNumber.trim() });
    query.andWhere(`o.id IN ${sub.getQuery()}`, sub.getParameters());
  }
}
