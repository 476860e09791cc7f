import { describe, expect, it } from 'vitest';
import { LOGISTICS_NODES } from '../transitions/statuses.js';
import { CARRIERS, carrierByCode, carrierFromKuaidi100, isCarrierCode } from './carriers.js';
import { KUAIDI100_STATES, mapKuaidi100State } from './kuaidi100.js';

// docs/domain.md §7 and Kuaidi100's documentation, one row per code: [code, node, customer-visible].
const EXPECTED: [string, string, boolean][] = [
  ['0', 'IN_TRANSIT', true],
  ['1', 'COLLECTED', true],
  ['2', 'EXCEPTION', false],
  ['3', 'SIGNED', true],
  ['4', 'RETURN_SIGNED', true],
  ['5', 'OUT_FOR_DELIVERY', true],
  ['6', 'RETURNING', true],
  ['7', 'IN_TRANSIT', true],
  ['8', 'IN_TRANSIT', true],
  ['14', 'REJECTED', true],
  ['101', 'COLLECTED', true],
  ['102', 'COLLECTED', true],
  ['103', 'COLLECTED', true],
  ['1001', 'IN_TRANSIT', true],
  ['1002', 'IN_TRANSIT', true],
  ['1003', 'IN_TRANSIT', true],
  ['201', 'EXCEPTION', false],
  ['202', 'EXCEPTION', false],
  ['203', 'EXCEPTION', false],
  ['204', 'EXCEPTION', false],
  ['205', 'EXCEPTION', false],
  ['206', 'EXCEPTION', false],
  ['207', 'EXCEPTION', false],
  ['208', 'EXCEPTION', false],
  ['209', 'EXCEPTION', false],
  ['210', 'EXCEPTION', false],
  ['301', 'SIGNED', true],
  ['302', 'SIGNED', true],
  ['303', 'SIGNED', true],
  ['304', 'SIGNED', true],
  ['401', 'RETURN_SIGNED', true],
  ['501', 'OUT_FOR_DELIVERY', true],
  ['10', 'IN_TRANSIT', true],
  ['11', 'IN_TRANSIT', true],
  ['12', 'IN_TRANSIT', true],
  ['13', 'EXCEPTION', false],
];

describe('Kuaidi100 state codes', () => {
  it.each(EXPECTED)('code %s → %s (customer sees it: %s)', (code, node, visible) => {
    expect(mapKuaidi100State(code)).toMatchObject({ code, node, customerVisible: visible });
  });

  it('maps numeric codes as pushed, with surrounding spaces', () => {
    expect(mapKuaidi100State(14)?.node).toBe('REJECTED');
    expect(mapKuaidi100State(' 3 ')?.node).toBe('SIGNED');
  });

  it('has a row in this spec for every code it maps, and no unknown code', () => {
    expect(KUAIDI100_STATES.map((s) => s.code).sort()).toEqual(EXPECTED.map(([c]) => c).sort());
    expect(mapKuaidi100State('99')).toBeUndefined();
  });

  it('reaches every logistics node from some code', () => {
    expect(new Set(KUAIDI100_STATES.map((s) => s.node))).toEqual(new Set(LOGISTICS_NODES));
  });
});

describe('carriers', () => {
  it.each([
    ['jd', 'JD'],
    ['shunfeng', 'SF'],
    ['zhongtong', 'ZTO'],
    ['yuantong', 'YTO'],
    ['shentong', 'STO'],
    ['yunda', 'YUNDA'],
    ['ems', 'EMS'],
  ])('Kuaidi100 company %s is our %s', (com, code) => {
    expect(carrierFromKuaidi100(com)?.code).toBe(code);
    expect(carrierFromKuaidi100(com.toUpperCase())?.code).toBe(code);
  });

  it('knows exactly the seven carriers', () => {
    expect(CARRIERS).toHaveLength(7);
    expect(carrierFromKuaidi100('dhl')).toBeUndefined();
    expect(carrierByCode('SF')?.name).toBe('顺丰速运');
    expect(isCarrierCode('YUNDA')).toBe(true);
    expect(isCarrierCode('yunda')).toBe(false);
  });
});
