import type { ApiKeyScope, Permission } from '@oms/schema';

/**
 * Who may call each operation of the API: the permission of docs/roles.md it needs, an integration scope, any signed-in
 * caller (`staff`), or anyone (`public`). One row per operation; the authorization test fails for an operation of the
 * schema that has no row here, so a new operation cannot ship without a decision.
 */
export const OPERATION_MATRIX: Readonly<Record<string, Permission | `scope:${ApiKeyScope}` | 'public'>> = {
  // Queries
  me: 'public',
  order: 'ORDER_READ',
  orders: 'ORDER_READ',
  search: 'ORDER_READ',
  subOrder: 'ORDER_READ',
  carriers: 'ORDER_READ',
  transitions: 'ORDER_READ',
  warehouses: 'ORDER_READ',
  warehouseTimings: 'WAREHOUSE_FIGURES_READ',
  lateSubOrders: 'WAREHOUSE_FIGURES_READ',
  warehouseLoad: 'WAREHOUSE_FIGURES_READ',
  subOrders: 'WAREHOUSE_FIGURES_READ',
  interceptions: 'INTERCEPTION_QUEUE_READ',
  riskRules: 'INTERCEPTION_QUEUE_READ',
  blacklist: 'RISK_RULES_EDIT',
  auditLog: 'AUDIT_READ',
  failedRefunds: 'DELIVERY_RETRY',
  paymentChannels: 'ADMINISTER',
  // Mutations
  login: 'public',
  logout: 'public',
  revealPersonalData: 'PERSONAL_DATA_REVEAL',
  createOrder: 'scope:orders:create',
  recordPayment: 'scope:payments:record',
  cancelOrder: 'ORDER_CANCEL',
  interceptOrder: 'ORDER_INTERCEPT',
  releaseInterception: 'INTERCEPTION_DECIDE',
  bulkDecideInterceptions: 'INTERCEPTION_DECIDE',
  addOrderNote: 'ORDER_NOTE',
  reassignWarehouse: 'WAREHOUSE_REASSIGN',
  bulkReassignWarehouse: 'WAREHOUSE_REASSIGN',
  redriveDispatch: 'DELIVERY_RETRY',
  retryRefund: 'DELIVERY_RETRY',
  bulkRetryRefunds: 'DELIVERY_RETRY',
  settleRefundOffline: 'REFUND_SETTLE_OFFLINE',
  upsertPaymentChannel: 'ADMINISTER',
  updateRiskRule: 'RISK_RULES_EDIT',
  addBlacklistEntry: 'RISK_RULES_EDIT',
  removeBlacklistEntry: 'RISK_RULES_EDIT',
  setStock: 'ADMINISTER',
  upsertWarehouse: 'ADMINISTER',
};
