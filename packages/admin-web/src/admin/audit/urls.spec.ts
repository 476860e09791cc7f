import { describe, expect, it } from 'vitest';
import { auditFilter, auditUrl, parseAuditSearch, withAuditFilter } from './urls';

describe('audit log URL state', () => {
  it('round-trips every filter and the cursors', () => {
    const state = {
      staff: 'li.na',
      order: '2403011234567890',
      action: 'DISABLE_STAFF' as const,
      from: '2024-03-01',
      to: '2024-03-02',
      cursors: ['1709254800000000.41', 'a=b'],
    };
    const url = auditUrl(state);
    expect(url).toBe(
      '/admin/audit?staff=li.na&order=2403011234567890&action=DISABLE_STAFF&from=2024-03-01&to=2024-03-02&cursor=1709254800000000.41&cursor=a%3Db',
    );
    expect(parseAuditSearch(url.split('?')[1]!)).toEqual(state);
    expect(auditUrl()).toBe('/admin/audit');
  });

  it('drops unknown actions, malformed days, blank text and empty cursors', () => {
    expect(
      parseAuditSearch('action=DROP_TABLE&from=2024-02-30&to=yesterday&staff=%20&order=&cursor='),
    ).toEqual({
      cursors: [],
    });
  });

  it('starts paging over when a filter changes, and drops a cleared one', () => {
    const state = { staff: 'ops', cursors: ['c1'] };
    expect(withAuditFilter(state, 'action', 'CREATE_API_KEY')).toEqual({
      staff: 'ops',
      action: 'CREATE_API_KEY',
      cursors: [],
    });
    expect(withAuditFilter(state, 'staff', undefined)).toEqual({ cursors: [] });
  });

  it('asks the server by username, order number, action and an Asia/Shanghai range that includes the last day', () => {
    expect(
      auditFilter({
        staff: 'ops',
        order: '2403011234567890',
        action: 'SET_STOCK',
        from: '2024-03-01',
        to: '2024-03-01',
        cursors: [],
      }),
    ).toEqual({
      username: 'ops',
      orderNumber: '2403011234567890',
      action: 'SET_STOCK',
      from: '2024-02-29T16:00:00.000Z',
      to: '2024-03-01T16:00:00.000Z',
    });
    expect(auditFilter({ cursors: ['x'] })).toEqual({});
  });
});
