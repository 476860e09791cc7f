import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { domainError } from '../errors/domain-error.js';

/**
 * Login throttling (docs/reliability.md): at most 10 failed logins per account and 50 per client address in 15 minutes;
 * past that, RATE_LIMITED before any password is checked. A success clears the account's count. Counts live in this
 * process (one server process per deployment today; a shared store is the step when there are several).
 */
export class LoginThrottle {
  private readonly perAccount = new RateLimiterMemory({ points: 10, duration: 15 * 60 });
  private readonly perAddress = new RateLimiterMemory({ points: 50, duration: 15 * 60 });

  /** Refuses when the account or the address has used up its failures. */
  async check(username: string, address: string | null): Promise<void> {
    const [account, client] = await Promise.all([
      this.perAccount.get(username.toLowerCase()),
      address ? this.perAddress.get(address) : null,
    ]);
    if ((account?.consumedPoints ?? 0) >= 10 || (client?.consumedPoints ?? 0) >= 50) {
      throw domainError('RATE_LIMITED', 'Too many failed logins; try again in 15 minutes.');
    }
  }

  async failed(username: string, address: string | null): Promise<void> {
    const swallow = (error: unknown) => {
      if (!(error instanceof RateLimiterRes)) throw error;
    };
    await this.perAccount.consume(username.toLowerCase()).catch(swallow);
    if (address) await this.perAddress.consume(address).catch(swallow);
  }

  async succeeded(username: string): Promise<void> {
    await this.perAccount.delete(username.toLowerCase());
  }
}
