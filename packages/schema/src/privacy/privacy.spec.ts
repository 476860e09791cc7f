import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeAddress } from './address.js';
import { maskAddress, maskCardNumber, maskCustomerId, maskName, maskPhone } from './mask.js';
import { isMobilePhone, normalizePhone } from './phone.js';

describe('maskPhone', () => {
  it('shows the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('never shows more than 7 of 11 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked.replace(/\*/g, '')).toHaveLength(7);
        expect(masked).not.toContain(phone.slice(3, 7));
      }),
      { numRuns: 1000 },
    );
  });

  it('hides other strings but their last two characters', () => {
    expect(maskPhone('010-8888')).toBe('****88');
    expect(maskPhone('1')).toBe('****');
  });
});

describe('maskAddress', () => {
  it('keeps the district and hides the street', () => {
    const parts = {
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: '文三路 90 号 3 幢 201',
    };
    expect(maskAddress(parts)).toEqual({ ...parts, address: '****' });
  });
});

describe('maskCardNumber', () => {
  it('shows the last four digits only', () => {
    expect(maskCardNumber('6222 0212 3456 7890')).toBe('**** 7890');
    expect(maskCardNumber('GC8800991234')).toBe('**** 1234');
  });
});

describe('maskName and maskCustomerId', () => {
  it('keeps only the first character of a name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('李*');
    expect(maskName('')).toBe('');
  });

  it('hides the middle of a customer id', () => {
    expect(maskCustomerId('u_83920145')).toBe('u_8****45');
    expect(maskCustomerId('abc')).toBe('****');
  });
});

describe('phones', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['12812345678', null],
    ['1381234567', null],
    ['138123456789', null],
    ['1381234567a', null],
  ])('normalizePhone(%j) = %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('isMobilePhone takes the bare 11 digits only', () => {
    expect(isMobilePhone('13812345678')).toBe(true);
    expect(isMobilePhone('138 1234 5678')).toBe(false);
  });
});

describe('normalizeAddress', () => {
  const base = { province: '北京市', city: '北京市', district: '朝阳区' };

  it('matches the same address however it is typed', () => {
    expect(normalizeAddress({ ...base, address: '建国路８８号-3栋，Ａ座' })).toBe(
      normalizeAddress({ ...base, address: '建国路 88号 3栋 a座' }),
    );
  });

  it('keeps different addresses apart', () => {
    expect(normalizeAddress({ ...base, address: '建国路88号' })).not.toBe(
      normalizeAddress({ ...base, address: '建国路89号' }),
    );
  });
});
