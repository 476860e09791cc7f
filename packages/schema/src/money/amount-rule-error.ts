/** A broken amount rule (docs/domain.md section 4); `field` is the input path, e.g. `lines[0].quantity`, for `BAD_USER_INPUT`. */
export class AmountRuleError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'AmountRuleError';
  }
}
