import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthChecker } from './auth-checker.js';
import { ActionsResolver } from './actions/actions.resolver.js';
import { HoldsResolver } from './actions/holds.resolver.js';
import { RiskResolver } from './risk/risk.resolver.js';
import { StockResolver } from './admin/stock.resolver.js';
import { WarehouseAdminResolver } from './admin/warehouse-admin.resolver.js';
import { RedriveResolver } from './actions/redrive.resolver.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { IngestResolver } from './ingest/ingest.resolver.js';
import { OperationsResolver } from './operations/operations.resolver.js';
import { OrderResolver } from './orders/order.resolver.js';
import { SubOrderResolver } from './orders/sub-order.resolver.js';
import { ReferenceResolver } from './reference/reference.resolver.js';
import { RefundsResolver } from './refunds/refunds.resolver.js';
import { WarehouseResolver } from './warehouses/warehouse.resolver.js';
// Administration (docs/administration.md); imported last so that the printed SDL keeps its order.
import { ApiKeyResolver } from './accounts/api-key.resolver.js';
import { StaffAccountResolver } from './accounts/staff-account.resolver.js';
import { AuditLogResolver } from './audit/audit-log.resolver.js';

/** Every resolver of the API. */
export const RESOLVERS = [
  AuthResolver,
  OrderResolver,
  SubOrderResolver,
  WarehouseResolver,
  ReferenceResolver,
  IngestResolver,
  OperationsResolver,
  ActionsResolver,
  HoldsResolver,
  RiskResolver,
  StockResolver,
  WarehouseAdminResolver,
  RedriveResolver,
  RefundsResolver,
  StaffAccountResolver,
  ApiKeyResolver,
  AuditLogResolver,
] as const;

/** Builds the GraphQL schema from the resolver classes; `emitTo` also prints the SDL there. */
export function buildApiSchema(emitTo?: string): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker: AuthChecker,
    validate: false,
    emitSchemaFile: emitTo ? { path: emitTo, sortedSchema: false } : false,
  });
}
