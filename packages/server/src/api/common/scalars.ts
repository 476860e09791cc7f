import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';

/** ISO-8601 date-time (docs/api.md). */
export const DateTime = DateTimeResolver;
/** An integer within ±(2^53 − 1): fen amounts. */
export const SafeInt = SafeIntResolver;
/** Arbitrary JSON (timeline before/after, evidence). */
export const JSON = JSONResolver;
