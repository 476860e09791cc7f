import type { ActorType, AuditAction } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import type { ApiKeyPrincipal, StaffPrincipal } from '../../auth/principal.js';
import { recordset } from '../../database/recordset.js';

/** Who did something, for the timeline. */
export interface Actor {
  readonly type: ActorType;
  readonly id: string;
  readonly name?: string | null;
}

/** The timeline actor for a staff member. */
export function staffActor(staff: StaffPrincipal): Actor {
  return { type: 'STAFF', id: staff.username, name: staff.displayName };
}

/** The timeline actor for an integration client's calls. */
export function integrationActor(client: ApiKeyPrincipal): Actor {
  return { type: 'INTEGRATION', id: client.name };
}

/** One timeline entry to write. */
export interface OrderEventInput {
  readonly order: { id: string; shard: number };
  readonly subOrderId?: string | null;
  readonly type: string;
  readonly actor: Actor;
  readonly reason?: string | null;
  readonly before?: object | null;
  readonly after?: object | null;
  readonly customerVisible?: boolean;
  readonly at?: Date;
}

/**
 * The one writer of order history (docs/conventions.md): call it inside the transaction of the change it records. One
 * entry is written as a set of one (recordOrderEvents), so the row is built in one place.
 */
export async function recordOrderEvent(manager: EntityManager, input: OrderEventInput): Promise<void> {
  await recordOrderEvents(manager, [input]);
}

/** One audit row to write (docs/roles.md: who, role, what, which order, before/after, reason, time, address). */
export interface AuditInput {
  readonly staff: StaffPrincipal;
  /** One of packages/schema's AUDIT_ACTIONS, so every row has wording in the audit viewer. */
  readonly action: AuditAction;
  readonly orderNumber?: string | null;
  readonly before?: object | null;
  readonly after?: object | null;
  readonly reason: string;
  readonly address: string | null;
}

/** Writes an audit row in the caller's transaction (a set of one); the table refuses updates and deletes. */
export async function recordAudit(manager: EntityManager, input: AuditInput): Promise<void> {
  await recordAudits(manager, [input]);
}

/** recordOrderEvent for many entries in one statement, written in the given order. */
export async function recordOrderEvents(
  manager: EntityManager,
  inputs: readonly OrderEventInput[],
): Promise<void> {
  if (!inputs.length) return;
  const now = new Date();
  await manager.query(
    `INSERT INTO order_events (order_id, sub_order_id, shard, type, at, actor_type, actor_id, actor_name, reason,
       before, after, customer_visible)
     SELECT order_id, sub_order_id, shard, type, at, actor_type, actor_id, actor_name, reason, before, after,
       customer_visible
     FROM jsonb_to_recordset($1::jsonb) AS x(i int, order_id bigint, sub_order_id bigint, shard smallint, type text,
       at timestamptz, actor_type text, actor_id text, actor_name text, reason text, before jsonb, after jsonb,
       customer_visible boolean)
     ORDER BY i`,
    [
      recordset(
        inputs.map((input) => ({
          order_id: input.order.id,
          sub_order_id: input.subOrderId ?? null,
          shard: input.order.shard,
          type: input.type,
          at: input.at ?? now,
          actor_type: input.actor.type,
          actor_id: input.actor.id,
          actor_name: input.actor.name ?? null,
          reason: input.reason ?? null,
          before: input.before ?? null,
          after: input.after ?? null,
          customer_visible: input.customerVisible ?? false,
        })),
      ),
    ],
  );
}

/** recordAudit for many rows in one statement, written in the given order. */
export async function recordAudits(manager: EntityManager, inputs: readonly AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const now = new Date();
  await manager.query(
    `INSERT INTO audit_log (staff_id, role, action, order_number, before, after, reason, at, address)
     SELECT staff_id, role, action, order_number, before, after, reason, at, address
     FROM jsonb_to_recordset($1::jsonb) AS x(i int, staff_id bigint, role text, action text, order_number text,
       before jsonb, after jsonb, reason text, at timestamptz, address text)
     ORDER BY i`,
    [
      recordset(
        inputs.map((input) => ({
          staff_id: input.staff.id,
          role: input.staff.role,
          action: input.action,
          order_number: input.orderNumber ?? null,
          before: input.before ?? null,
          after: input.after ?? null,
          reason: input.reason,
          at: now,
          address: input.address,
        })),
      ),
    ],
  );
}
