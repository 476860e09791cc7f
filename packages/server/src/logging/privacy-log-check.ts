import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { readVariable, VARIABLES } from '../config.js';
import { PersonalDataCipher, PersonalDataKeyError } from '../privacy/personal-data-cipher.js';

/**
 * The privacy row of docs/reliability.md's test plan: after a run, the logs hold none of the receiver phones and street
 * addresses in the databases the run used. Exact search for each value (and for its JSON-escaped form).
 */

/** Receiver phones and street addresses of one database, in the clear. */
export interface PersonalValues {
  readonly phones: readonly string[];
  readonly addresses: readonly string[];
}

/** One value found in a log, shown masked (the report itself must not leak it). */
export interface LogLeak {
  readonly file: string;
  readonly line: number;
  readonly kind: 'phone' | 'address';
  readonly masked: string;
}

/** `13812345678` → `138****5678`; an address keeps its first two characters. */
export function mask(kind: LogLeak['kind'], value: string): string {
  return kind === 'phone' ? `${value.slice(0, 3)}****${value.slice(-4)}` : `${value.slice(0, 2)}…`;
}

/**
 * Reads every order's receiver phone and street address; `reveal` turns a stored value (encrypted at rest,
 * privacy/personal-data-cipher.ts) into the plain one.
 */
export async function personalValuesIn(
  databaseUrl: string,
  reveal: (stored: string) => string = (stored) => stored,
): Promise<PersonalValues> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ phone: string; address: string }>(
      'SELECT DISTINCT receiver_phone AS phone, receiver_address AS address FROM orders',
    );
    return {
      phones: [...new Set(rows.map((r) => reveal(r.phone)))],
      addresses: [...new Set(rows.map((r) => reveal(r.address)))],
    };
  } finally {
    await client.end();
  }
}

/** Every occurrence (first per value and file) of the values in the logs. */
export function findLeaks(
  values: PersonalValues,
  logs: readonly { file: string; text: string }[],
): LogLeak[] {
  const leaks: LogLeak[] = [];
  const wanted = [
    ...values.phones.map((value) => ({ kind: 'phone' as const, value })),
    ...values.addresses.map((value) => ({ kind: 'address' as const, value })),
  ].filter(({ value }) => value.trim().length >= 4);
  for (const { file, text } of logs) {
    for (const { kind, value } of wanted) {
      const escaped = JSON.stringify(value).slice(1, -1);
      const asciiEscaped = escaped.replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      for (const form of new Set([value, escaped, asciiEscaped])) {
        const at = text.indexOf(form);
        if (at >= 0) {
          leaks.push({ file, line: text.slice(0, at).split('\n').length, kind, masked: mask(kind, value) });
          break;
        }
      }
    }
  }
  return leaks;
}

/** `--database URL` (repeatable) and `--log FILE` (repeatable); exit status 1 when any log holds a value. */
async function main(args: string[]): Promise<number> {
  const databases: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === '--database') databases.push(args[i + 1]!);
    else if (args[i] === '--log') files.push(args[i + 1]!);
    else throw new Error(`unknown argument ${args[i]}; use --database URL and --log FILE`);
  }
  const all = { phones: new Set<string>(), addresses: new Set<string>() };
  // Keyed like the servers (OMS_PERSONAL_DATA_KEY, which the run gave them); a value it cannot decrypt throws.
  const key = readVariable(process.env, VARIABLES.personalDataKey);
  if (!key) throw new PersonalDataKeyError("set OMS_PERSONAL_DATA_KEY to the servers' key");
  const cipher = new PersonalDataCipher(key);
  const reveal = (stored: string) =>
    PersonalDataCipher.isEncrypted(stored) ? cipher.decrypt(stored) : stored;
  for (const url of databases) {
    const values = await personalValuesIn(url, reveal);
    values.phones.forEach((v) => all.phones.add(v));
    values.addresses.forEach((v) => all.addresses.add(v));
  }
  const logs = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const leaks = findLeaks({ phones: [...all.phones], addresses: [...all.addresses] }, logs);
  const bytes = logs.reduce((n, l) => n + l.text.length, 0);
  console.log(
    `privacy log check: ${all.phones.size} phones and ${all.addresses.size} street addresses from ${databases.length} database(s), searched in ${files.length} log file(s) (${bytes} characters): ${leaks.length} found`,
  );
  for (const leak of leaks)
    console.log(`  ${leak.file}:${leak.line}: a receiver ${leak.kind} (${leak.masked})`);
  if (all.phones.size === 0) {
    console.log('  no phones at all: the databases given are not the ones the run used');
    return 1;
  }
  return leaks.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
