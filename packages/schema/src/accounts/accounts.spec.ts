import { describe, expect, it } from 'vitest';
import { nameProblem, passwordProblem, PASSWORD_MIN_LENGTH, usernameProblem } from './accounts.js';
import { AUDIT_ACTIONS, isAuditAction } from './audit-actions.js';

describe('account rules', () => {
  it('takes usernames of 2–32 lower-case letters, digits, dots, dashes and underscores', () => {
    for (const ok of ['ops', 'li.wei', 'agent_07', 'a1', 'x'.repeat(32), '9lives'])
      expect(usernameProblem(ok), ok).toBeNull();
    for (const bad of [
      'a',
      'Alice',
      ' alice',
      'alice ',
      '.alice',
      '-a',
      'li wei',
      '王伟',
      'x'.repeat(33),
      '',
    ])
      expect(usernameProblem(bad), bad).not.toBeNull();
  });

  it('asks passwords for the first admin’s 12 characters at least, counted in characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblem('x'.repeat(11))).toBe('at least 12 characters');
    expect(passwordProblem('x'.repeat(12))).toBeNull();
    // Twelve Chinese characters are twelve characters, though 36 bytes.
    expect(passwordProblem('春眠不觉晓处处闻啼鸟夜来')).toBeNull();
    expect(passwordProblem('春眠不觉晓处处闻啼鸟夜')).not.toBeNull();
    expect(passwordProblem('x'.repeat(129))).toBe('at most 128 characters');
    expect(passwordProblem(' correct horse battery')).toBe('no spaces at the start or the end');
  });

  it('takes names that are not empty, not too long and free of control characters', () => {
    expect(nameProblem('客服 王晓燕', 64)).toBeNull();
    expect(nameProblem('', 64)).toBe('must not be empty');
    expect(nameProblem('x'.repeat(65), 64)).toBe('at most 64 characters');
    expect(nameProblem('a\nb', 64)).toBe('no control characters');
  });

  it('lists each audit action once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(isAuditAction('DISABLE_STAFF')).toBe(true);
    expect(isAuditAction('DROP_TABLE')).toBe(false);
  });
});
