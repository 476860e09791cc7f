// README.md's configuration table, printed from the declarations the loaders read (the product's in
// packages/server/src/config.ts, demo mode's in demo-config.ts): `pnpm run docs` writes it between the markers, and
// test/configuration.test.ts fails when the README and the declarations differ. It lives here because the start
// command is the one place that sees both sets.
import { markdownTable } from '@oms/schema';
import { PRODUCT_VARIABLES, type Variable } from '@oms/server';
import { DEMO_MODE_VARIABLES } from './demo-config.js';
import { DEMO_VALUES } from './demo-mode.js';

/** Every variable the start command's processes read: the product's, with demo mode's right after OMS_DEMO. */
export function allVariables(): readonly Variable<unknown>[] {
  const at = PRODUCT_VARIABLES.findIndex((declared) => declared.name === 'OMS_DEMO') + 1;
  return [...PRODUCT_VARIABLES.slice(0, at), ...DEMO_MODE_VARIABLES, ...PRODUCT_VARIABLES.slice(at)];
}

/** How the table shows a value demo mode brings, where the value itself says nothing. */
const DEMO_VALUE_SHOWN: Readonly<Record<string, string>> = { OMS_PERSONAL_DATA_KEY: 'a fixed public key' };

const REQUIRED_SHOWN: Readonly<Record<NonNullable<Variable<unknown>['required']>, string>> = {
  'outside demo mode': 'outside demo mode',
  'first start outside demo mode': 'outside demo mode, while no staff account exists',
};

export const CONFIGURATION_HEADER = ['variable', 'meaning', 'default', 'required', 'secret'] as const;

/** The table's rows, one per variable, as cells of Markdown. */
export function configurationRows(): string[][] {
  return allVariables().map((declared) => {
    const demoValue = DEMO_VALUES[declared.name];
    const shown = demoValue && (DEMO_VALUE_SHOWN[declared.name] ?? `\`${demoValue}\``);
    return [
      `\`${declared.name}\``,
      declared.meaning,
      shown ? `${declared.default}; in demo mode ${shown}` : declared.default,
      declared.required ? REQUIRED_SHOWN[declared.required] : '—',
      declared.secret ? 'yes' : '—',
    ];
  });
}

export const TABLE_START =
  '<!-- configuration table: printed by `pnpm run docs` from the declarations in packages/server/src/config.ts and packages/demo/src/demo-config.ts; edit those -->';
export const TABLE_END = '<!-- end of the configuration table -->';

/** `readme` with the table between its markers replaced by the declarations' (throws when a marker is missing). */
export function withConfigurationTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${TABLE_START}" … "${TABLE_END}"`);
  const table = markdownTable(CONFIGURATION_HEADER, configurationRows());
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

/**
 * The cells of the table between the markers of `readme`, header first, as written (spaces trimmed, `\|` read as
 * `|`); the delimiter row left out (its width is Prettier's business).
 */
export function readmeTableRows(readme: string): string[][] {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${TABLE_START}" … "${TABLE_END}"`);
  return readme
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, '|')),
    )
    .filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)));
}
