import type { Router } from 'express';
import type { DataSource } from 'typeorm';
import { REFUND_CHANNELS, type Config } from '@oms/server';
import type { DemoConfig } from '../demo-config.js';
import { DEMO_MERCHANTS, DEMO_WAREHOUSES } from '../seed/demo-warehouses.js';
import { DEMO_PAYMENT_SECRET, DEMO_WMS_SECRET } from '../seed/demo-accounts.js';
import { CarrierSimulator } from './carrier-simulator.js';
import { paymentSimulator } from './payment-simulator.js';
import { Schedule } from './schedule.js';
import { warehouseSimulator } from './warehouse-simulator.js';
import { StorefrontSimulator } from './storefront-simulator.js';

/** The demo simulators: routes to mount and how to stop their timers. */
export interface Simulators {
  readonly routes: { path: string; router: Router }[];
  /** Starts the storefront once the server listens. */
  readonly start: () => void;
  readonly stop: () => void;
}

/** How long each step of the demo waits at normal speed, in milliseconds (min, max). */
const STEP_MS = [5_000, 30_000] as const;

/** How long the payment simulator takes to answer a refund at normal speed, in milliseconds (min, max). */
const ANSWER_MS = [2_000, 8_000] as const;

/** Where the built-in simulators listen, under the one server. */
const WMS_PATH = '/simulators/wms';
const PAYMENTS_PATH = '/simulators/payments';

/**
 * Demo mode at every start (docs/api.md): points every demo warehouse's dispatch endpoint at OMS_DEMO_WMS_URL, else at
 * the built-in warehouse simulator when simulators are on, else at nothing (dispatches then wait, visibly).
 */
export async function configureDemoWarehouses(
  db: DataSource,
  config: Config,
  demo: DemoConfig,
): Promise<void> {
  const endpoint = demo.wmsUrl ?? (demo.simulators ? `http://127.0.0.1:${config.port}${WMS_PATH}` : null);
  await db.query('UPDATE warehouses SET endpoint_url = $1 WHERE code = ANY($2)', [
    endpoint,
    [...DEMO_WAREHOUSES, ...DEMO_MERCHANTS].map((w) => w.code),
  ]);
}

/**
 * Demo mode at every start (docs/api.md): every refund channel (the six methods of REFUND_CHANNELS) gets the secret
 * `demo-payment-secret` and its refund endpoint: OMS_DEMO_PAYMENT_URL, else the built-in payment simulator when
 * simulators are on, else none (refunds then wait, visibly, for an outside channel or ops). The rows are created
 * when missing, so a database seeded before refunds had channels gets them too.
 */
export async function configureDemoPaymentChannels(
  db: DataSource,
  config: Config,
  demo: DemoConfig,
): Promise<void> {
  const endpoint =
    demo.paymentUrl ?? (demo.simulators ? `http://127.0.0.1:${config.port}${PAYMENTS_PATH}` : null);
  await db.query(
    `INSERT INTO payment_channels (method, endpoint_url, secret, updated_at, updated_by)
     SELECT method, $2, $3, now(), NULL FROM unnest($1::text[]) AS m(method)
     ON CONFLICT (method) DO UPDATE
       SET endpoint_url = EXCLUDED.endpoint_url, secret = EXCLUDED.secret, updated_at = EXCLUDED.updated_at,
         updated_by = NULL
       WHERE payment_channels.endpoint_url IS DISTINCT FROM EXCLUDED.endpoint_url
          OR payment_channels.secret IS DISTINCT FROM EXCLUDED.secret`,
    [REFUND_CHANNELS, endpoint, DEMO_PAYMENT_SECRET],
  );
}

/** Builds the warehouse, carrier and payment-channel simulators, talking to this server over real HTTP. */
export function createSimulators(config: Config, demo: DemoConfig): Simulators {
  const schedule = new Schedule();
  const baseUrl = `http://127.0.0.1:${config.port}`;
  const stepMs = [STEP_MS[0] / demo.simulatorSpeed, STEP_MS[1] / demo.simulatorSpeed] as const;
  const carriers = new CarrierSimulator(baseUrl, config.kuaidi100Salt, schedule, stepMs);
  // A few new orders a minute at normal speed.
  const storefront = new StorefrontSimulator(baseUrl, schedule, [
    15_000 / demo.simulatorSpeed,
    25_000 / demo.simulatorSpeed,
  ]);
  return {
    start: () => storefront.start(),
    routes: [
      {
        path: WMS_PATH,
        router: warehouseSimulator(baseUrl, DEMO_WMS_SECRET, schedule, carriers, stepMs),
      },
      {
        path: PAYMENTS_PATH,
        router: paymentSimulator(baseUrl, DEMO_PAYMENT_SECRET, schedule, [
          ANSWER_MS[0] / demo.simulatorSpeed,
          ANSWER_MS[1] / demo.simulatorSpeed,
        ]),
      },
    ],
    stop: () => schedule.stop(),
  };
}
