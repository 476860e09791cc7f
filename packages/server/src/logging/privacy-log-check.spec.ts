import { describe, expect, it } from 'vitest';
import { findLeaks, mask } from './privacy-log-check.js';

const values = { phones: ['13812345678'], addresses: ['建国路 88 号 3 单元'] };

describe('the privacy log check', () => {
  it('finds nothing in clean logs', () => {
    const text = '{"level":"info","reqId":"a","operation":"Orders","status":200}\n';
    expect(findLeaks(values, [{ file: 'a.log', text }])).toEqual([]);
  });

  it('finds a phone and an address exactly, as written or JSON-escaped, and names the line', () => {
    const logs = [
      { file: 'a.log', text: 'line one\n{"msg":"call 13812345678"}\n' },
      { file: 'b.log', text: '{"address":"\\u5efa\\u56fd\\u8def 88 \\u53f7 3 \\u5355\\u5143"}\n' },
    ];
    expect(findLeaks(values, logs)).toEqual([
      { file: 'a.log', line: 2, kind: 'phone', masked: '138****5678' },
      { file: 'b.log', line: 1, kind: 'address', masked: '建国…' },
    ]);
  });

  it('masks what it reports', () => {
    expect(mask('phone', '13812345678')).toBe('138****5678');
  });
});
