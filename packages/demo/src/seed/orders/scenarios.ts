import type { Scenario } from './scenario-kit.js';
import { EXCEPTION_SCENARIOS } from './scenarios-exceptions.js';
import { FLOW_SCENARIOS } from './scenarios-flow.js';

export type { Scenario } from './scenario-kit.js';

/**
 * Every story the demo tells. Each status of every strand, every interception rule with every outcome, every carrier
 * and each special case of docs/api.md "Demo mode" appears at least once per run (the seed tells each story once before
 * drawing the rest by weight) and, at the default 5,000 orders, dozens of times; the weights (relative) keep the mix
 * plausible: most orders delivered or on their way, a few percent in each kind of trouble.
 */
export const SCENARIOS: readonly Scenario[] = [...FLOW_SCENARIOS, ...EXCEPTION_SCENARIOS];
