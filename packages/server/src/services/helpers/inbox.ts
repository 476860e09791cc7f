import type { EntityManager } from 'typeorm';
import { InboundMessageEntity } from '../../entities/index.js';

/**
 * Stores an inbound message once by (source, key), in the caller's transaction, and returns its id; null when that key
 * was stored before: a repeat, to be answered without changing anything. A concurrent twin waits on the unique key
 * until the first commits, then finds it. The message's outcome is written when known (noteInboxOutcome).
 */
export async function storeInboundOnce(
  manager: EntityManager,
  message: { readonly source: string; readonly key: string; readonly payload: object },
): Promise<string | null> {
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(InboundMessageEntity)
    .values({
      source: message.source,
      messageKey: message.key,
      receivedAt: new Date(),
      payload: message.payload,
      outcome: 'RECEIVED',
    })
    .orIgnore()
    .returning('id')
    .execute();
  return ((inserted.raw as { id?: string }[])[0]?.id as string | undefined) ?? null;
}

/** What the product did with a stored inbound message. */
export async function noteInboxOutcome(manager: EntityManager, id: string, outcome: string): Promise<void> {
  await manager.getRepository(InboundMessageEntity).update(id, { outcome });
}
