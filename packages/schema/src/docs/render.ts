import { KUAIDI100_STATES } from '../carriers/kuaidi100.js';
import { CARRIERS } from '../carriers/carriers.js';
import { PERMISSION_DESCRIPTIONS, PERMISSION_MATRIX, PERMISSIONS, STAFF_ROLES } from '../roles/roles.js';
import { ACTION_PERMISSIONS, STAFF_ACTIONS } from '../transitions/actions.js';
import { GUARDS } from '../transitions/guards.js';
import { STRAND_DEFINITIONS, STRANDS, TRANSITIONS, type TransitionRow } from '../transitions/table.js';
import { markdownTable } from './markdown.js';
import {
  ORDER_NUMBER_FIRST_DIGITS,
  ORDER_NUMBER_LENGTH,
  RESERVED_FIRST_DIGIT,
  SHARD_COUNT,
} from '../order-number/layout.js';

const GENERATED_NOTE =
  '<!-- Generated from packages/schema by `pnpm run docs`; do not edit by hand. A test fails when it is stale. -->';

function whoMayTrigger(row: TransitionRow): string {
  const roles = row.permission ? PERMISSION_MATRIX[row.permission].join(', ') : '';
  return [roles, ...row.actors].filter(Boolean).join(', ');
}

/** The transition table of every strand, as Markdown (docs/generated/transitions.md). */
export function renderTransitionsDoc(): string {
  const sections = STRANDS.map((strand) => {
    const def = STRAND_DEFINITIONS[strand];
    const rows = TRANSITIONS.filter((row) => row.strand === strand).map((row) => [
      row.from,
      row.event,
      row.guards.join(', ') || '—',
      row.to,
      whoMayTrigger(row),
      row.effects.join(', ') || '—',
    ]);
    return [
      `## ${strand}`,
      '',
      `States: ${def.states.join(', ')}. Starts at: ${def.initial.join(', ')}. Final: ${def.finals.join(', ')}.`,
      '',
      markdownTable(['state', 'event', 'guard', 'next state', 'who may trigger it', 'effects'], rows),
    ].join('\n');
  });
  const guards = markdownTable(
    ['guard', 'holds when'],
    Object.entries(GUARDS).map(([name, guard]) => [name, guard.description]),
  );
  const actions = markdownTable(
    ['staff action', 'permission', 'roles'],
    STAFF_ACTIONS.map((a) => [a, ACTION_PERMISSIONS[a], PERMISSION_MATRIX[ACTION_PERMISSIONS[a]].join(', ')]),
  );
  return [
    GENERATED_NOTE,
    '# Transition table',
    '',
    'The one table the server enforces, the console reads (`transitions` query, `allowedActions`) and these docs print.',
    '',
    ...sections.flatMap((s) => [s, '']),
    '## Guards',
    '',
    guards,
    '',
    '## Staff actions',
    '',
    actions,
    '',
  ].join('\n');
}

/** The permission matrix of roles.md, as Markdown (docs/generated/roles.md). */
export function renderRolesDoc(): string {
  const rows = PERMISSIONS.map((p) => [
    p,
    PERMISSION_DESCRIPTIONS[p],
    ...STAFF_ROLES.map((role) => (PERMISSION_MATRIX[p].includes(role) ? 'yes' : 'no')),
  ]);
  return [
    GENERATED_NOTE,
    '# Roles and permissions',
    '',
    markdownTable(['permission', 'meaning', ...STAFF_ROLES], rows),
    '',
  ].join('\n');
}

/** Carriers and the Kuaidi100 state mapping, as Markdown (docs/generated/carriers.md). */
export function renderCarriersDoc(): string {
  return [
    GENERATED_NOTE,
    '# Carriers and tracking states',
    '',
    markdownTable(
      ['code', 'name', 'Kuaidi100 company code'],
      CARRIERS.map((c) => [c.code, c.name, c.kuaidi100Code]),
    ),
    '',
    '## Kuaidi100 `state` → logistics node',
    '',
    markdownTable(
      ['state', 'Kuaidi100 label', 'node', 'customer sees it'],
      KUAIDI100_STATES.map((s) => [s.code, s.label, s.node, s.customerVisible ? 'yes' : 'no']),
    ),
    '',
  ].join('\n');
}

/** The order-number layout and first-digit table (docs/generated/order-numbers.md). */
export function renderOrderNumbersDoc(): string {
  const digits = Object.entries(ORDER_NUMBER_FIRST_DIGITS).map(([digit, c]) => [
    digit,
    c.kind === 'ORDER' ? 'parent order' : 'sub-order',
    c.type,
  ]);
  return [
    GENERATED_NOTE,
    '# Order numbers',
    '',
    `${ORDER_NUMBER_LENGTH} digits: kind and type (1) + shard (2, of ${SHARD_COUNT}) + permuted sequence (12) + Damm check digit (1).`,
    "A sub-order carries its parent's shard and type. Consecutive numbers look unrelated (keyed Feistel permutation).",
    '',
    markdownTable(
      ['first digit', 'what it is', 'order type'],
      [...digits, [String(RESERVED_FIRST_DIGIT), 'reserved: never issued, refused as input', '—']],
    ),
    '',
  ].join('\n');
}
