import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import { AuthService } from './auth.service.js';
import { OrderLookupService } from './order-lookup.service.js';
import { PersonalDataService } from './personal-data.service.js';
import { SessionService } from './session.service.js';
import { OrderIntakeService } from './ingest/order-intake.service.js';
import { PaymentService } from './ingest/payment.service.js';
import { OrderNumbers } from './numbers/order-numbers.js';
import { SplitService } from './split/split.service.js';
import { WmsCallbackService } from './webhooks/wms-callback.service.js';
import { ScreeningService } from './holds/screening.service.js';
import { WarehouseFiguresService } from './warehouse-figures.service.js';
import { CancelService } from './cancel/cancel.service.js';
import { InterceptService } from './holds/intercept.service.js';
import { InterceptionQueueService } from './holds/interception-queue.service.js';
import { NotesService } from './notes.service.js';
import { ReassignService } from './reassign.service.js';
import { RiskRulesService } from './risk-rules.service.js';
import { Kuaidi100PushService } from './webhooks/kuaidi100-push.service.js';
import { DispatchRedriveService } from './dispatch/redrive.service.js';

/** Every use-case service, built once per process. */
export function createServices(db: DataSource, config: Config) {
  const sessions = new SessionService(db, config);
  const lookup = new OrderLookupService(db);
  const numbers = new OrderNumbers(db, config.orderNumberSecret);
  const cancels = new CancelService(db, config.dispatchMaxAttempts);
  const payments = new PaymentService(
    db,
    new SplitService(numbers),
    new ScreeningService(config.rollbackMinutes),
    config.dispatchMaxAttempts,
  );
  return {
    numbers,
    payments,
    intake: new OrderIntakeService(db, numbers, payments),
    wmsCallbacks: new WmsCallbackService(db, cancels),
    cancels,
    intercepts: new InterceptService(db, cancels, config.rollbackMinutes, config.dispatchMaxAttempts),
    interceptionQueue: new InterceptionQueueService(db),
    notes: new NotesService(db),
    reassigns: new ReassignService(db, config.dispatchMaxAttempts),
    redrives: new DispatchRedriveService(db, config.dispatchMaxAttempts),
    riskRules: new RiskRulesService(db),
    carrierPushes: new Kuaidi100PushService(db),
    warehouseFigures: new WarehouseFiguresService(db),
    sessions,
    auth: new AuthService(db, sessions),
    lookup,
    personalData: new PersonalDataService(db, lookup, config.revealDailyLimit),
  };
}

/** The services of this process. */
export type Services = ReturnType<typeof createServices>;
