import type { ValueTransformer } from 'typeorm';

/**
 * bigint columns come back from `pg` as strings; fen amounts and ids fit in a safe integer, so they are numbers
 * in the application. One transformer, used by every fen column (docs/conventions.md "money in one place").
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
