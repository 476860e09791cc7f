import type { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from '@oms/server';
import type { DemoConfig } from '../demo-config.js';
import { DEMO_MERCHANTS, DEMO_WAREHOUSES } from '../seed/demo-warehouses.js';
import { DEMO_WMS_SECRET } from '../seed/demo-accounts.js';
import { CarrierSimulator } from './carrier-simulator.js';
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

/**
 * Demo mode at every start (docs/api.md): points every demo warehouse's dispatch endpoint at OMS_DEMO_WMS_URL, else at
 * the built-in warehouse simulator when simulators are on, else at nothing (dispatches then wait, visibly).
 */
export async function configureDemoWarehouses(
  db: DataSource,
  config: Config,
  demo: DemoConfig,
): Promise<void> {
  const endpoint = demo.wmsUrl ?? (demo.simulators ? `http://127.0.0.1:${config.port}/simulators/wms` : null);
  await db.query('UPDATE warehouses SET endpoint_url = $1 WHERE code = ANY($2)', [
    endpoint,
    [...DEMO_WAREHOUSES, ...DEMO_MERCHANTS].map((w) => w.code),
  ]);
}

/** Builds the warehouse and carrier simulators, talking to this server over real HTTP. */
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
        path: '/simulators/wms',
        router: warehouseSimulator(baseUrl, DEMO_WMS_SECRET, schedule, carriers, stepMs),
      },
    ],
    stop: () => schedule.stop(),
  };
}
