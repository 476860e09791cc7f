import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { domainError } from '../errors/domain-error.js';

/**
 * Login throttling (docs/reliability.md): at most 10 failed logins per account and 50 per client address in 15 minutes;
 * past that, RATE_LIMITED before any password is checked. Each attempt takes its point before the password is checked
 * (the limiter's consume is atomic), so parallel attempts cannot all pass a check made before any of them failed; a
 * success gives the points back (the account's count is cleared). Counts live in this process (one server process
 * per deployment today; a shared store is the step when there are several).
 */
export class LoginThrottle {
  private readonly perAccount = new RateLimiterMemory({ points: 10, duration: 15 * 60 });
  private readonly perAddress = new RateLimiterMemory({ points: 50, duration: 15 * 60 });

  /** Takes one attempt from the account's and the address's allowance; refuses when either is used up. */
  async attempt(username: string, address: string | null): Promise<void> {
    const account = username.toLowerCase();
    await this.perAccount.consume(account).catch(refuseWhenUsedUp);
    if (address) {
      await this.perAddress.consume(address).catch(async (error: unknown) => {
        await this.perAccount.reward(account);
        refuseWhenUsedUp(error);
      });
    }
  }

  /** The attempt was right: the account starts afresh and the address gets its point back. */
  async succeeded(username: string, address: string | null): Promise<void> {
    await this.perAccount.delete(username.toLowerCase());
    if (address) await this.perAddress.reward(address);
  }
}

/** The limiter rejects with its state when the allowance is used up: RATE_LIMITED; anything else is a fault. */
function refuseWhenUsedUp(error: unknown): never {
  if (error instanceof RateLimiterRes)
    throw domainError('RATE_LIMITED', 'Too many failed logins; try again in 15 minutes.');
  throw error;
}
