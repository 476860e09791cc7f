import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { OrderRequestHash1764100000000 } from './1764100000000-order-request-hash.js';

/** Every migration, oldest first. */
export const MIGRATIONS = [InitialSchema1764000000000, OrderRequestHash1764100000000];
