import { describe, expect, it } from 'vitest';
import { changeLines } from './changes';

describe('an audit row’s change, line by line', () => {
  it('pairs the fields of before and after, the subject unchanged and the change marked', () => {
    expect(
      changeLines(
        { staffId: '7', username: 'li.na', role: 'AGENT' },
        { staffId: '7', username: 'li.na', role: 'OPS' },
      ),
    ).toEqual([
      { field: 'username', before: 'li.na', after: 'li.na', changed: false },
      { field: 'role', before: 'AGENT', after: 'OPS', changed: true },
      { field: 'staffId', before: '7', after: '7', changed: false },
    ]);
  });

  it('shows what only one side has, after’s fields first', () => {
    expect(changeLines({ enabled: true, params: { a: 1 } }, { code: 'MANUAL', params: { a: 2 } })).toEqual([
      { field: 'code', after: 'MANUAL', changed: true },
      { field: 'params', before: { a: 1 }, after: { a: 2 }, changed: true },
      { field: 'enabled', before: true, changed: true },
    ]);
    // As jsonb gives them back (shortest key first): the name first, the id last.
    expect(changeLines(null, { name: '京东店', scopes: ['orders:create'], apiKeyId: '3' })).toEqual([
      { field: 'name', after: '京东店', changed: true },
      { field: 'scopes', after: ['orders:create'], changed: true },
      { field: 'apiKeyId', after: '3', changed: true },
    ]);
    expect(changeLines(null, { role: 'OPS', staffId: '5', username: 'li.na' }).map((l) => l.field)).toEqual([
      'username',
      'role',
      'staffId',
    ]);
  });

  it('has no lines when neither side is an object', () => {
    expect(changeLines(null, null)).toEqual([]);
    expect(changeLines([1], 'x')).toEqual([]);
  });
});
