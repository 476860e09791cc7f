import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocalTime, MINUTES_PER_DAY, parseLocalTime, shipByDeadline } from './cut-off.js';

describe('a cut-off as a local time', () => {
  it('reads HH:mm to the minute', () => {
    expect(parseLocalTime('00:00')).toBe(0);
    expect(parseLocalTime('11:00')).toBe(660);
    expect(parseLocalTime('17:30')).toBe(1050);
    expect(parseLocalTime('23:59')).toBe(1439);
  });

  it('refuses anything that is not two-digit hours and minutes of one day', () => {
    for (const text of [
      '24:00',
      '7:5',
      '07:5',
      '7:05',
      '12:60',
      '1730',
      '17.30',
      ' 17:30',
      '17:30 ',
      '',
      '-1:00',
      '１７:３０',
    ])
      expect(parseLocalTime(text), text).toBeNull();
  });

  it('writes every minute of the day back as it reads it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MINUTES_PER_DAY - 1 }), (minute) => {
        expect(parseLocalTime(formatLocalTime(minute))).toBe(minute);
      }),
    );
    expect(() => formatLocalTime(MINUTES_PER_DAY)).toThrow(RangeError);
    expect(() => formatLocalTime(-1)).toThrow(RangeError);
  });
});

describe('the ship-by deadline', () => {
  // 2026-03-02 in Shanghai begins at 2026-03-01T16:00Z.
  const shanghai = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00+08:00`);
  const endOfDay = Date.parse('2026-03-03T00:00:00+08:00');
  const endOfNextDay = Date.parse('2026-03-04T00:00:00+08:00');

  it('is the end of the payment day when paid before the cut-off, the end of the next day from the cut-off on', () => {
    expect(shipByDeadline(shanghai('17:29'), 1050)).toBe(endOfDay);
    expect(shipByDeadline(shanghai('17:30'), 1050)).toBe(endOfNextDay);
    expect(shipByDeadline(shanghai('00:00'), 0)).toBe(endOfNextDay);
    expect(shipByDeadline(shanghai('23:59'), 1439)).toBe(endOfNextDay);
    expect(shipByDeadline(shanghai('23:58'), 1439)).toBe(endOfDay);
  });

  it('counts days in Shanghai, not UTC: paid at 07:00 Shanghai (23:00 UTC the day before)', () => {
    expect(shipByDeadline(Date.parse('2026-03-01T23:00:00Z'), 660)).toBe(endOfDay);
  });
});
