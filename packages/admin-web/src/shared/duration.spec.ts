import { describe, expect, it } from 'vitest';
import { createI18n } from '@/app/i18n';
import { formatMinutes, formatSeconds, timeUntil } from './duration';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

describe('durations', () => {
  it('says minutes as hours and minutes, and days past a day', () => {
    expect(formatMinutes(en, 130)).toBe('2 h 10 min');
    expect(formatMinutes(zh, 130)).toBe('2 小时 10 分钟');
    expect(formatMinutes(en, 45)).toBe('45 min');
    expect(formatMinutes(en, -45)).toBe('45 min');
    expect(formatMinutes(en, 60 * 24 * 3 + 60 * 4 + 5)).toBe('3 d 4 h');
  });

  it('says seconds under a minute, else minutes', () => {
    expect(formatSeconds(en, 42.4)).toBe('42 s');
    expect(formatSeconds(zh, 7800)).toBe('2 小时 10 分钟');
  });

  it('counts whole minutes to a time, and tells when it is past', () => {
    const now = Date.parse('2024-03-01T00:00:00Z');
    expect(timeUntil('2024-03-01T00:45:30Z', now)).toEqual({ minutes: 45, past: false });
    expect(timeUntil('2024-02-29T23:49:59Z', now)).toEqual({ minutes: -10, past: true });
    expect(timeUntil('2024-02-29T23:59:30Z', now).past).toBe(true);
  });
});
