import { integer, onOff } from '@oms/server';

/** Demo mode's own configuration, read from the environment once, only when demo mode is on. */
export interface DemoConfig {
  /** OMS_SIMULATORS: the built-in storefront, warehouse and carrier simulators. */
  readonly simulators: boolean;
  /** OMS_DEMO_WMS_URL: the dispatch endpoint of every demo warehouse; unset, the warehouse simulator's. */
  readonly wmsUrl: string | undefined;
  /** OMS_DEMO_ORDERS: how many orders seed an empty database. */
  readonly orderCount: number;
  /** OMS_SIMULATOR_SPEED: the simulators run this many times faster than their default pace (5–30 s a step). */
  readonly simulatorSpeed: number;
}

/** Parses demo mode's variables; throws naming the variable when one is malformed. */
export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  return {
    simulators: onOff('OMS_SIMULATORS', true, env),
    wmsUrl: env.OMS_DEMO_WMS_URL || undefined,
    orderCount: integer('OMS_DEMO_ORDERS', 5000, env),
    simulatorSpeed: Math.max(1, integer('OMS_SIMULATOR_SPEED', 1, env)),
  };
}
