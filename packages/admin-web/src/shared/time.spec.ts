import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatTime, isDay, startOfDay, startOfNextDay } from './time';

describe('time formatting', () => {
  it('shows instants in Asia/Shanghai as YYYY-MM-DD HH:mm:ss', () => {
    expect(formatDateTime('2024-03-01T16:05:09Z')).toBe('2024-03-02 00:05:09');
    expect(formatDateTime('2024-12-31T23:59:59.999Z')).toBe('2025-01-01 07:59:59');
    expect(formatDateTime('2024-06-01T04:00:00+08:00')).toBe('2024-06-01 04:00:00');
  });

  it('uses a 24-hour clock from 00', () => {
    expect(formatTime('2024-03-01T16:00:00Z')).toBe('00:00:00');
    expect(formatTime('2024-03-01T05:30:00Z')).toBe('13:30:00');
  });

  it('groups by the Shanghai day, not the UTC one', () => {
    expect(formatDay('2024-03-01T15:59:59Z')).toBe('2024-03-01');
    expect(formatDay('2024-03-01T16:00:00Z')).toBe('2024-03-02');
  });

  it('says nothing rather than something wrong', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('day ranges', () => {
  it('recognises real days only', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-2-1')).toBe(false);
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(startOfDay('2024-03-02')).toBe('2024-03-01T16:00:00.000Z');
    expect(startOfNextDay('2024-03-02')).toBe('2024-03-02T16:00:00.000Z');
    expect(startOfNextDay('2024-12-31')).toBe('2024-12-31T16:00:00.000Z');
  });
});
