import { describe, expect, it } from 'vitest';
import { logLevelFrom } from '../config.js';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger('info', (line) => void lines.push(line)) };
}

describe('the logger', () => {
  it('writes one JSON object a line with a level name and an ISO time', () => {
    const { lines, logger } = capture();
    logger.info({ orderNumber: 'SO-1' }, 'hello');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'hello', orderNumber: 'SO-1' });
    expect(JSON.parse(lines[0]!).time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts credentials, receiver fields, bodies, variables and SQL parameters', () => {
    const { lines, logger } = capture();
    logger.info({
      req: { headers: { cookie: 'oms_session=secret-cookie', authorization: 'Bearer secret-token' } },
      receiverPhone: '13800138000',
      receiverName: '张三',
      order: { receiverAddress: '建国路 88 号', receiverPhone: '13900139000' },
      receiver: { phone: '13700137000', address: '人民路 1 号' },
      variables: { phone: '13600136000' },
      body: { query: '…', variables: { address: '长安街 2 号' } },
      err: { message: 'duplicate key', parameters: ['13500135000'], detail: 'Key (phone)=(13400134000)' },
    });
    const text = lines.join('');
    for (const secret of [
      'secret-cookie',
      'secret-token',
      '13800138000',
      '张三',
      '建国路',
      '13900139000',
      '13700137000',
      '人民路',
      '13600136000',
      '长安街',
      '13500135000',
      '13400134000',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
    expect(text).toContain('duplicate key');
  });

  it('takes its level from OMS_LOG_LEVEL and refuses an unknown one', () => {
    expect(logLevelFrom({ OMS_LOG_LEVEL: 'debug' })).toBe('debug');
    expect(logLevelFrom({})).toBe('info');
    expect(() => logLevelFrom({ OMS_LOG_LEVEL: 'loud' })).toThrow(/OMS_LOG_LEVEL/);
  });
});
