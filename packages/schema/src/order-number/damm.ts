// Damm check digit: a weakly totally anti-symmetric quasigroup of order 10, so one check digit catches every
// single-digit error and every transposition of adjacent digits. A number is valid when running the whole
// string (check digit included) through the table ends in state 0.

/** The Damm operation table, row = interim state, column = next digit (Damm 2004). */
export const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

const STEP = new Uint8Array(100);
for (let state = 0; state < 10; state += 1) {
  for (let digit = 0; digit < 10; digit += 1) STEP[state * 10 + digit] = DAMM_TABLE[state]?.[digit] ?? 0;
}

const STEP3 = new Uint8Array(10_000);
for (let state = 0; state < 10; state += 1) {
  for (let chunk = 0; chunk < 1000; chunk += 1) {
    let s = state;
    s = STEP[s * 10 + Math.floor(chunk / 100)]!;
    s = STEP[s * 10 + (Math.floor(chunk / 10) % 10)]!;
    STEP3[state * 1000 + chunk] = STEP[s * 10 + (chunk % 10)]!;
  }
}

/** The Damm state after feeding the three digits of `chunk` (0–999, zero-padded) from `state`; no validation. */
export function dammStep3(state: number, chunk: number): number {
  return STEP3[state * 1000 + chunk]!;
}

/** The Damm state after feeding the six digits of `chunk` (0–999,999, zero-padded) from `state`; no validation. */
export function dammStep6(state: number, chunk: number): number {
  const high = (chunk / 1000) | 0;
  return STEP3[STEP3[state * 1000 + high]! * 1000 + (chunk - high * 1000)]!;
}

/** The Damm state after feeding the decimal digits of `digits` from state 0, or -1 if any character is not 0–9. */
export function dammState(digits: string): number {
  let state = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    state = STEP[state * 10 + digit]!;
  }
  return state;
}

/** The check digit to append to `digits` (a non-empty string of 0–9); throws RangeError otherwise. */
export function dammCheckDigit(digits: string): number {
  const state = digits.length === 0 ? -1 : dammState(digits);
  if (state < 0)
    throw new RangeError(`digits must be a non-empty string of 0-9, got ${JSON.stringify(digits)}`);
  return state;
}

/** True when `digits` is a non-empty string of 0–9 whose last digit is its Damm check digit. */
export function isDammValid(digits: string): boolean {
  return digits.length > 0 && dammState(digits) === 0;
}
