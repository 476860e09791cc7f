/**
 * The names of the operations the console sends (docs/api.md "Operations"): with the schema's root fields, the only
 * values the `operation` label of the request metrics takes, so a client cannot add series by naming its requests.
 * The console's test fails when one of its documents is missing here or a name here has no document.
 */
export const CONSOLE_OPERATIONS = [
  'AddBlacklistEntry',
  'AddOrderNote',
  'AppShell',
  'BlacklistPanel',
  'BulkDecideInterceptions',
  'BulkReassignWarehouse',
  'BulkRetryRefunds',
  'CancelOrder',
  'FailedRefunds',
  'InterceptOrder',
  'InterceptionQueue',
  'LateSubOrders',
  'Login',
  'Logout',
  'OrderDetailPage',
  'OrderListPage',
  'ReassignWarehouse',
  'RedriveDispatch',
  'ReleaseInterception',
  'RemoveBlacklistEntry',
  'RetryRefund',
  'RevealPersonalData',
  'RiskRulesPanel',
  'SearchPage',
  'SettleRefundOffline',
  'StuckSubOrders',
  'UpdateRiskRule',
  'WarehouseLoadPanel',
  'WarehouseStockPicker',
  'WarehouseTimings',
] as const;
