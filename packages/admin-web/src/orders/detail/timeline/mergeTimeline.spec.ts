import { describe, expect, it } from 'vitest';
import { groupByDay, mergeTimeline } from './mergeTimeline';

const orderEvent = (id: string, at: string) => ({ id, at, type: 'X' });
const carrierEvent = (id: string, at: string) => ({ id, at, node: 'IN_TRANSIT' });

describe('mergeTimeline', () => {
  const events = [
    orderEvent('e1', '2024-03-01T02:00:00Z'),
    orderEvent('e2', '2024-03-01T03:00:00Z'),
    orderEvent('e3', '2024-03-02T09:00:00Z'),
  ];
  const subOrders = [
    {
      number: 'S1',
      shipments: [
        {
          id: 'p1',
          events: [carrierEvent('c1', '2024-03-01T02:30:00Z'), carrierEvent('c2', '2024-03-02T10:00:00Z')],
        },
      ],
    },
    { number: 'S2', shipments: [{ id: 'p2', events: [carrierEvent('c3', '2024-03-01T02:45:00+00:00')] }] },
    { number: 'S3', shipments: [] },
  ];

  it('merges order and carrier events in time order', () => {
    const merged = mergeTimeline(events, subOrders);
    expect(merged.map((e) => e.key)).toEqual([
      'event:e1',
      'parcel:p1:c1',
      'parcel:p2:c3',
      'event:e2',
      'event:e3',
      'parcel:p1:c2',
    ]);
  });

  it('keeps every entry, and says which parcel and sub-order a carrier event belongs to', () => {
    const merged = mergeTimeline(events, subOrders);
    expect(merged).toHaveLength(6);
    const c3 = merged.find((e) => e.key === 'parcel:p2:c3');
    expect(c3).toMatchObject({ kind: 'logistics', subOrderNumber: 'S2', shipment: { id: 'p2' } });
    expect(merged.find((e) => e.key === 'event:e2')).toMatchObject({ kind: 'order', event: { id: 'e2' } });
  });

  it('compares instants, not strings, across time-zone offsets', () => {
    const merged = mergeTimeline(
      [orderEvent('late', '2024-03-01T10:00:00+08:00')],
      [{ number: 'S', shipments: [{ id: 'p', events: [carrierEvent('early', '2024-03-01T01:00:00Z')] }] }],
    );
    expect(merged.map((e) => e.key)).toEqual(['parcel:p:early', 'event:late']);
  });

  it('keeps the given order for entries at the same instant, order events first', () => {
    const at = '2024-03-01T02:00:00Z';
    const merged = mergeTimeline(
      [orderEvent('a', at), orderEvent('b', at)],
      [{ number: 'S', shipments: [{ id: 'p', events: [carrierEvent('c', at)] }] }],
    );
    expect(merged.map((e) => e.key)).toEqual(['event:a', 'event:b', 'parcel:p:c']);
  });

  it('puts unreadable times last instead of dropping them', () => {
    const merged = mergeTimeline(
      [orderEvent('bad', 'garbage'), orderEvent('ok', '2024-03-01T00:00:00Z')],
      [],
    );
    expect(merged.map((e) => e.key)).toEqual(['event:ok', 'event:bad']);
  });
});

describe('groupByDay', () => {
  it('groups by the Asia/Shanghai day', () => {
    const groups = groupByDay([
      { at: '2024-03-01T15:59:59Z', id: 1 },
      { at: '2024-03-01T16:00:00Z', id: 2 },
      { at: '2024-03-02T15:00:00Z', id: 3 },
      { at: '2024-03-03T01:00:00Z', id: 4 },
    ]);
    expect(groups.map((g) => [g.day, g.entries.map((e) => e.id)])).toEqual([
      ['2024-03-01', [1]],
      ['2024-03-02', [2, 3]],
      ['2024-03-03', [4]],
    ]);
  });

  it('gives nothing for nothing', () => {
    expect(groupByDay([])).toEqual([]);
  });
});
