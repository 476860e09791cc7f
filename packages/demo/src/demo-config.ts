import { integer, onOff } from '@oms/server';

/** Demo mode's own configuration, read from the environment once, only when demo mode is on. */
export interface DemoConfig {
  /** OMS_SIMULATORS: the built-in storefront, warehouse, carrier and payment-channel simulators. */
  readonly simulators: boolean;
  /** OMS_DEMO_WMS_URL: the dispatch endpoint of every demo warehouse; unset, the warehouse simulator's. */
  readonly wmsUrl: string | undefined;
  /** OMS_DEMO_PAYMENT_URL: the refund endpoint of every demo payment channel; unset, the payment simulator's. */
  readonly paymentUrl: string | undefined;
  /** OMS_DEMO_ORDERS: how many orders seed an empty database. */
  readonly orderCount: number;
  /** OMS_SIMULATOR_SPEED: the simulators run this many times faster than their default pace (5–30 s a step). */
  readonly simulatorSpeed: number;
}

/** An http(s) URL, or undefined when unset or empty; throws naming the variable when it is not one. */
function httpUrl(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  return value;
}

/** Parses demo mode's variables; throws naming the variable when one is malformed. */
export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  return {
    simulators: onOff('OMS_SIMULATORS', true, env),
    wmsUrl: env.OMS_DEMO_WMS_URL || undefined,
    paymentUrl: httpUrl('OMS_DEMO_PAYMENT_URL', env),
    orderCount: integer('OMS_DEMO_ORDERS', 5000, env),
    simulatorSpeed: Math.max(1, integer('OMS_SIMULATOR_SPEED', 1, env)),
  };
}
