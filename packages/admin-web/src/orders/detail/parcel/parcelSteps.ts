import { LOGISTICS_NODES, LOGISTICS_RANK } from '@oms/schema';
import type { LogisticsNode } from '@/gql/schema';

/** The delivery path drawn as the stepper: the nodes ranked up to SIGNED (COLLECTED → … → SIGNED). */
export const DELIVERY_PATH: readonly LogisticsNode[] = LOGISTICS_NODES.filter(
  (node) => node !== 'EXCEPTION' && LOGISTICS_RANK[node] <= LOGISTICS_RANK.SIGNED,
);

/** One step of a parcel's stepper. */
export interface ParcelStep {
  readonly node: LogisticsNode;
  /** done: passed; current: where the parcel is now; todo: not reached yet. */
  readonly state: 'done' | 'current' | 'todo';
  /** A side node (exception, refusal, return), shown only once reached. */
  readonly side: boolean;
  readonly error: boolean;
}

/** A refusal always matters; an exception only while the parcel is stuck in it (it may return to the path). */
function isTrouble(node: LogisticsNode, current: LogisticsNode | null): boolean {
  return node === 'REJECTED' || (node === 'EXCEPTION' && current === 'EXCEPTION');
}

/**
 * The steps to draw for a parcel, from its current node and the nodes its carrier events reached (oldest first):
 * the delivery path, done up to the furthest node reached, then each side node reached, in the order reached.
 */
export function parcelSteps(
  current: LogisticsNode | null,
  reachedNodes: readonly (LogisticsNode | null)[],
): { steps: ParcelStep[]; activeStep: number } {
  const reached = reachedNodes.filter((n): n is LogisticsNode => n !== null);
  if (current) reached.push(current);
  const furthest = Math.max(-1, ...reached.map((n) => DELIVERY_PATH.indexOf(n)));
  const onPath: ParcelStep[] = DELIVERY_PATH.map((node, index) => ({
    node,
    state: index > furthest ? 'todo' : node === current && node !== 'SIGNED' ? 'current' : 'done',
    side: false,
    error: false,
  }));
  const sideNodes = [...new Set(reached.filter((n) => !DELIVERY_PATH.includes(n)))];
  const side: ParcelStep[] = sideNodes.map((node) => ({
    node,
    state: node === current ? 'current' : 'done',
    side: true,
    error: isTrouble(node, current),
  }));
  const steps = [...onPath, ...side];
  const active = steps.findIndex((s) => s.state === 'current');
  return { steps, activeStep: active === -1 ? (furthest === -1 ? 0 : steps.length) : active };
}
