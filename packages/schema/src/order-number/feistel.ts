// A keyed permutation of [0, 10^12): a balanced Feistel network on two base-10^6 halves. Each round maps
// (L, R) to (R, (L + F(R)) mod 10^6), which is invertible whatever F is, so the network is a bijection on exactly
// 10^12 values and needs no cycle-walking. It hides order volume from outsiders; it is not a cipher meant to
// withstand a determined cryptanalyst holding many numbers.
import { fmix32, fnv1a32 } from './hash.js';
import { SEQUENCE_SPACE } from './layout.js';

/** Rounds of the Feistel network (4 is the minimum for a pseudo-random permutation; 6 leaves a margin). */
export const FEISTEL_ROUNDS = 6;

const HALF = 1_000_000;

/** The secret that selects one permutation: one 32-bit key per round (derive it with permutationKeyFromSecret). */
export interface PermutationKey {
  readonly roundKeys: Int32Array;
}

/** A key derived deterministically from a string secret (non-empty; use ≥ 16 random characters in production). */
export function permutationKeyFromSecret(secret: string): PermutationKey {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new RangeError('secret must be a non-empty string');
  }
  let a = fnv1a32(secret);
  let b = fnv1a32(secret, 0x9747b28c);
  const roundKeys = new Int32Array(FEISTEL_ROUNDS);
  for (let round = 0; round < FEISTEL_ROUNDS; round += 1) {
    a = fmix32(a + Math.imul(round + 1, 0x9e3779b9));
    b = fmix32(b ^ a);
    roundKeys[round] = fmix32(a ^ Math.imul(b, 0x27d4eb2f));
  }
  return { roundKeys };
}

/** The mix that a tweak (e.g. kind digit and shard) XORs into every round key, so each tweak has its own permutation. */
export function tweakMix(tweak: number): number {
  return fmix32(Math.imul(tweak + 1, 0x9e3779b1));
}

/** The Feistel round function: a keyed 32-bit mix of a half, reduced to [0, 10^6). */
export function roundFunction(half: number, roundKey: number): number {
  let h = Math.imul(half, 0xcc9e2d51) ^ roundKey;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % HALF;
}

function checkSequence(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= SEQUENCE_SPACE) {
    throw new RangeError(`${name} must be an integer in [0, ${SEQUENCE_SPACE}), got ${value}`);
  }
}

/** The keyed permutation without argument checks, for hot paths: `sequence` ∈ [0, 10^12), `mix` = tweakMix(tweak). */
export function permuteUnchecked(sequence: number, roundKeys: Int32Array, mix: number): number {
  let left = Math.floor(sequence / HALF);
  let right = sequence - left * HALF;
  for (let round = 0; round < FEISTEL_ROUNDS; round += 1) {
    let next = left + roundFunction(right, roundKeys[round]! ^ mix);
    if (next >= HALF) next -= HALF;
    left = right;
    right = next;
  }
  return left * HALF + right;
}

/** The inverse of permuteUnchecked for the same round keys and mix, without argument checks. */
export function unpermuteUnchecked(permuted: number, roundKeys: Int32Array, mix: number): number {
  let left = Math.floor(permuted / HALF);
  let right = permuted - left * HALF;
  for (let round = FEISTEL_ROUNDS - 1; round >= 0; round -= 1) {
    let previous = right - roundFunction(left, roundKeys[round]! ^ mix);
    if (previous < 0) previous += HALF;
    right = left;
    left = previous;
  }
  return left * HALF + right;
}

/** The image of `sequence` ∈ [0, 10^12) under the keyed permutation for `tweak`; throws RangeError when out of range. */
export function permuteSequence(sequence: number, key: PermutationKey, tweak = 0): number {
  checkSequence('sequence', sequence);
  return permuteUnchecked(sequence, key.roundKeys, tweakMix(tweak));
}

/** The inverse of permuteSequence for the same key and tweak: unpermuteSequence(permuteSequence(x)) === x. */
export function unpermuteSequence(permuted: number, key: PermutationKey, tweak = 0): number {
  checkSequence('permuted', permuted);
  return unpermuteUnchecked(permuted, key.roundKeys, tweakMix(tweak));
}
