import { describe, expect, it } from 'vitest';
import { PROVINCE_REGIONS, REGION_FALLBACKS, REGIONS, regionOfProvince } from './regions.js';

describe('regions', () => {
  it('covers all 34 province-level divisions', () => {
    expect(Object.keys(PROVINCE_REGIONS)).toHaveLength(34);
    expect(new Set(Object.values(PROVINCE_REGIONS))).toEqual(new Set(REGIONS));
  });

  it('tries each region first for its own receivers, then every other region once', () => {
    for (const region of REGIONS) {
      const order = REGION_FALLBACKS[region];
      expect(order[0]).toBe(region);
      expect([...order].sort()).toEqual([...REGIONS].sort());
    }
  });

  it('finds the region of a province as written', () => {
    expect(regionOfProvince('广东省')).toBe('SOUTH');
    expect(regionOfProvince(' 北京市 ')).toBe('NORTH');
    expect(regionOfProvince('加州')).toBeUndefined();
  });
});
