import type { DataSource } from 'typeorm';
import { ApiKeysService } from './accounts/api-keys.service.js';
import { StaffAccountsService } from './accounts/staff-accounts.service.js';
import { AuditLogService } from './audit/audit-log.service.js';
import { AuthService } from './auth/auth.service.js';
import { SessionService } from './auth/session.service.js';
import { CancelService } from './cancel/cancel.service.js';
import { DispatchRedriveService } from './dispatch/redrive.service.js';
import { DeliveryService } from './dispatch/delivery.service.js';
import type { ServiceConfig, ServiceDeps } from './helpers/deps.js';
import type { Outbox } from './helpers/outbox.js';
import { InterceptService } from './holds/intercept.service.js';
import { InterceptionQueueService } from './holds/interception-queue.service.js';
import { ScreeningService } from './holds/screening.service.js';
import { OrderIntakeService } from './ingest/order-intake.service.js';
import { PaymentService } from './ingest/payment.service.js';
import { PaymentWindowService } from './ingest/payment-window.service.js';
import { OrderLookupService } from './lookup/order-lookup.service.js';
import { NotesService } from './notes/notes.service.js';
import { OrderNumbers } from './numbers/order-numbers.js';
import { PersonalDataService } from './personal-data/personal-data.service.js';
import { ReassignService } from './reassign/reassign.service.js';
import { RefundDeliveryService } from './refunds/refund-delivery.service.js';
import { RefundsService } from './refunds/refunds.service.js';
import { RiskRulesService } from './risk/risk-rules.service.js';
import { SplitService } from './split/split.service.js';
import { SlaService } from './warehouses/sla.service.js';
import { StockService } from './warehouses/stock.service.js';
import { WarehouseAdminService } from './warehouses/warehouse-admin.service.js';
import { WarehouseFiguresService } from './warehouses/warehouse-figures.service.js';
import { Kuaidi100PushService } from './webhooks/kuaidi100-push.service.js';
import { WmsCallbackService } from './webhooks/wms-callback.service.js';

export type { ServiceConfig, ServiceDeps } from './helpers/deps.js';
export type { Outbox } from './helpers/outbox.js';

/**
 * Every use-case service, built once per process from one set of dependencies: the database, the outbox port (its
 * implementation comes from the composition root, so nothing here knows the queue) and the configuration.
 */
export function createServices(db: DataSource, config: ServiceConfig, outbox: Outbox) {
  const deps: ServiceDeps = { db, outbox, config };
  const sessions = new SessionService(deps);
  const lookup = new OrderLookupService(deps);
  const numbers = new OrderNumbers(db, config.orderNumberSecret);
  const cancels = new CancelService(deps);
  const payments = new PaymentService(deps, new SplitService(numbers), new ScreeningService(config));
  return {
    numbers,
    payments,
    paymentWindow: new PaymentWindowService(deps),
    intake: new OrderIntakeService(deps, numbers, payments),
    wmsCallbacks: new WmsCallbackService(deps),
    cancels,
    intercepts: new InterceptService(deps, cancels),
    interceptionQueue: new InterceptionQueueService(deps),
    notes: new NotesService(deps),
    reassigns: new ReassignService(deps),
    redrives: new DispatchRedriveService(deps),
    deliveries: new DeliveryService(deps),
    refunds: new RefundsService(deps),
    refundDeliveries: new RefundDeliveryService(deps),
    riskRules: new RiskRulesService(deps),
    carrierPushes: new Kuaidi100PushService(deps),
    warehouseFigures: new WarehouseFiguresService(deps),
    sla: new SlaService(deps),
    stock: new StockService(deps),
    warehouseAdmin: new WarehouseAdminService(deps),
    sessions,
    auth: new AuthService(deps, sessions),
    lookup,
    personalData: new PersonalDataService(deps, lookup),
    staffAccounts: new StaffAccountsService(deps),
    apiKeys: new ApiKeysService(deps),
    auditLog: new AuditLogService(deps),
  };
}

/** The services of this process. */
export type Services = ReturnType<typeof createServices>;
