import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { OrderRequestHash1764100000000 } from './1764100000000-order-request-hash.js';
import { InboundMessages1764200000000 } from './1764200000000-inbound-messages.js';
import { OutboundMessages1764300000000 } from './1764300000000-outbound-messages.js';
import { RiskRules1764400000000 } from './1764400000000-risk-rules.js';
import { IdempotencyKeys1764500000000 } from './1764500000000-idempotency-keys.js';
import { MerchantLocations1764600000000 } from './1764600000000-merchant-locations.js';
import { PersonalDataAtRest1764700000000 } from './1764700000000-personal-data-at-rest.js';
import { AppRole1764800000000 } from './1764800000000-app-role.js';
import { OrderScopedIndexes1765000000000 } from './1765000000000-order-scoped-indexes.js';
import { DatabaseMarkers1765100000000 } from './1765100000000-database-markers.js';
import { RefundSettlement1765200000000 } from './1765200000000-refund-settlement.js';
import { HoldDefaultActions1765250000000 } from './1765250000000-hold-default-actions.js';
import { Administration1765400000000 } from './1765400000000-administration.js';
import { WarehouseCutoffMinute1765320000000 } from './1765320000000-warehouse-cutoff-minute.js';

/** Every migration, oldest first. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  OrderRequestHash1764100000000,
  InboundMessages1764200000000,
  OutboundMessages1764300000000,
  RiskRules1764400000000,
  IdempotencyKeys1764500000000,
  MerchantLocations1764600000000,
  PersonalDataAtRest1764700000000,
  AppRole1764800000000,
  OrderScopedIndexes1765000000000,
  DatabaseMarkers1765100000000,
  RefundSettlement1765200000000,
  HoldDefaultActions1765250000000,
  Administration1765400000000,
  WarehouseCutoffMinute1765320000000,
];
