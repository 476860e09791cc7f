/** A malformed callback body: answered 400 naming what is wrong, and nothing changes. */
export class BadCallbackError extends Error {}
