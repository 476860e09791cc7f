import { pino, stdSerializers, type Logger, type LevelWithSilent } from 'pino';
import { logLevelFrom } from '../config.js';

export type { Logger } from 'pino';

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

/** The environment's level; info when it names none it knows (loadConfig then refuses the start, naming it). */
function levelOrInfo(): LevelWithSilent {
  try {
    return logLevelFrom();
  } catch {
    return 'info';
  }
}

/**
 * A logger writing one JSON object a line to `write` (by default process.stdout, looked up at each line so a test
 * can watch it). Level names, not numbers; ISO times.
 */
export function createLogger(
  level: LevelWithSilent = levelOrInfo(),
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
