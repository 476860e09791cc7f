import { formatDay } from '@/shared/time';

/** An OrderEvent as the timeline reads it. */
export interface OrderEventInput {
  readonly id: string;
  readonly at: string;
}

/** A carrier event as the timeline reads it. */
export interface LogisticsEventInput {
  readonly id: string;
  readonly at: string;
}

/** A parcel with its carrier events. */
export interface ShipmentInput<L extends LogisticsEventInput = LogisticsEventInput> {
  readonly id: string;
  readonly events: readonly L[];
}

/** A sub-order with its parcels. */
export interface SubOrderInput<S extends ShipmentInput = ShipmentInput> {
  readonly number: string;
  readonly shipments: readonly S[];
}

/** One line of the merged timeline: an order event, or a carrier event with the parcel it belongs to. */
export type TimelineEntry<E extends OrderEventInput, S extends ShipmentInput> =
  | { readonly kind: 'order'; readonly key: string; readonly at: string; readonly event: E }
  | {
      readonly kind: 'logistics';
      readonly key: string;
      readonly at: string;
      readonly event: S['events'][number];
      readonly shipment: S;
      readonly subOrderNumber: string;
    };

/** The entries of one Asia/Shanghai day. */
export interface TimelineDayGroup<T> {
  readonly day: string;
  readonly entries: readonly T[];
}

function instant(at: string): number {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/**
 * Every OrderEvent of the order and every carrier event of every parcel, in time order (oldest first). Entries
 * at the same instant keep their order: the order's events first, as the server listed them, then the carriers'.
 */
export function mergeTimeline<E extends OrderEventInput, S extends ShipmentInput>(
  events: readonly E[],
  subOrders: readonly SubOrderInput<S>[],
): TimelineEntry<E, S>[] {
  const entries: TimelineEntry<E, S>[] = events.map((event) => ({
    kind: 'order',
    key: `event:${event.id}`,
    at: event.at,
    event,
  }));
  for (const subOrder of subOrders) {
    for (const shipment of subOrder.shipments) {
      for (const event of shipment.events) {
        entries.push({
          kind: 'logistics',
          key: `parcel:${shipment.id}:${event.id}`,
          at: event.at,
          event,
          shipment,
          subOrderNumber: subOrder.number,
        });
      }
    }
  }
  return entries
    .map((entry, index) => ({ entry, index, time: instant(entry.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Consecutive entries grouped by their Asia/Shanghai calendar day, in the order given. */
export function groupByDay<T extends { readonly at: string }>(entries: readonly T[]): TimelineDayGroup<T>[] {
  const days: { day: string; entries: T[] }[] = [];
  for (const entry of entries) {
    const day = formatDay(entry.at);
    const last = days.at(-1);
    if (last && last.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}
