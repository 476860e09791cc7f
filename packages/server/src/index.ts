// The server as a library: everything a package built on it (the demo, the bench) may use, and nothing else. Its
// test kit is the one other entry (`@oms/server/testing`).
import 'reflect-metadata';

// Composition: the product's start, what an extension adds, the configuration it reads.
export { startServer, type ServerExtension } from './server.js';
export {
  integerVariable,
  loadConfig,
  onOffVariable,
  PRODUCT_VARIABLES,
  readVariable,
  refuseToStart,
  REPOSITORY_ROOT,
  StartRefused,
  textVariable,
  variable,
  type Config,
  type Variable,
} from './config.js';
export { DEMO_SEEDED, hasMarker, setMarker } from './database/markers.js';

// Rows written directly, as the services would write them.
export {
  ApiKeyEntity,
  OrderEntity,
  StaffEntity,
  StockEntity,
  WarehouseEntity,
  type BlacklistKind,
  type Receiver,
  type OutboundStatus,
  type OutboundType,
} from './entities/index.js';
export { hashPassword } from './auth/passwords.js';
export { hashSecret } from './auth/tokens.js';
export {
  blacklistEntry,
  encrypted,
  receiverIndexes,
  type ReceiverParts,
} from './privacy/personal-data-columns.js';
export { personalDataCipher, usePersonalDataKey } from './privacy/personal-data-cipher.js';

// The product's own rules and names for split, numbering, timeline actors and queued jobs.
export { byDistance, planSplit, type PlanWarehouse } from './services/split/split-plan.js';
export { PgSequenceBlockSource } from './services/numbers/pg-sequence-block-source.js';
export type { Actor } from './services/helpers/history.js';
export {
  heldBy,
  holdExpiresAt,
  interceptedDetails,
  interceptionSettledDetails,
  screeningHold,
} from './services/helpers/holds.js';
// Refunds: the channels a refund goes to, and what its refunds make of a payment's status.
export { REFUND_CHANNELS } from './services/refunds/refunds.service.js';
export { statusFrom as paymentStatusFromRefunds } from './services/helpers/refunds.js';
// The outbox, for rows written in bulk that must be delivered (or expire) as the services' would.
export { GraphileOutbox } from './jobs/outbox.js';

// What a client of the webhooks signs with, and the product's logger.
export { kuaidi100Sign, verifyHmacSignature, hmacSignature } from './auth/signatures.js';
export { logger } from './logging/logger.js';
