import { pino, stdSerializers, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

const LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The level OMS_LOG_LEVEL names (LOG_LEVEL is read too); info by default, error under vitest (no 4xx noise). */
export function logLevelFrom(env: NodeJS.ProcessEnv = process.env): LevelWithSilent {
  const raw = (env.OMS_LOG_LEVEL || env.LOG_LEVEL || '').trim().toLowerCase();
  if (!raw) return env.VITEST ? 'error' : 'info';
  if (!(LEVELS as readonly string[]).includes(raw))
    throw new Error(`OMS_LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${raw}"`);
  return raw as LevelWithSilent;
}

/** Receiver fields that hold personal data, under the names the entities, the API and the seed use. */
const PERSONAL_FIELDS = ['receiverName', 'receiverPhone', 'receiverAddress', 'phone', 'address'];

/**
 * What never reaches a log line (docs/reliability.md: logs never carry a full phone or street address): credentials in
 * headers, receiver fields at the top level or one level down, request bodies and GraphQL variables, and the bound
 * values of a failed SQL statement (a TypeORM QueryFailedError carries them in `parameters`, PostgreSQL repeats a
 * conflicting key's value in `detail`).
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`]),
  'receiver',
  '*.receiver',
  'body',
  '*.body',
  'variables',
  '*.variables',
  'err.parameters',
  'err.detail',
  'err.driverError',
  'err.cause.parameters',
  'err.cause.detail',
];

/**
 * A logger writing one JSON object a line to `write` (by default process.stdout, looked up at each line so a test
 * can watch it). Level names, not numbers; ISO times.
 */
export function createLogger(
  level: LevelWithSilent = logLevelFrom(),
  write: (line: string) => void = (line) => void process.stdout.write(line),
): Logger {
  return pino(
    {
      level,
      base: { service: 'oms' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: stdSerializers.err },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    { write },
  );
}

/** The process's logger. Request code logs through the request's child (see logging/request-scope.ts). */
export const logger: Logger = createLogger();
