import {
  integerVariable,
  onOffVariable,
  readVariable,
  textVariable,
  variable,
  type Variable,
} from '@oms/server';

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
function httpUrl(name: string, text: string | undefined): string | undefined {
  const value = text?.trim();
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

/** Demo mode's variables, declared once (README.md "Configuration" is printed from these and the product's). */
export const DEMO_VARIABLES = {
  simulators: onOffVariable('OMS_SIMULATORS', true, {
    meaning: 'the demo storefront, warehouse, carrier and payment simulators (demo mode only)',
    default: '`on` in demo mode',
  }),
  wmsUrl: textVariable('OMS_DEMO_WMS_URL', {
    meaning: 'dispatch endpoint for every demo warehouse and merchant, set at every start (demo mode only)',
    default: 'the built-in warehouse simulator (none with simulators off)',
  }),
  paymentUrl: variable(
    'OMS_DEMO_PAYMENT_URL',
    {
      meaning:
        'refund endpoint for every refund channel (secret `demo-payment-secret`), set at every start (demo mode only); an http(s) URL',
      default: 'the built-in payment simulator (none with simulators off)',
    },
    (text) => httpUrl('OMS_DEMO_PAYMENT_URL', text),
  ),
  orderCount: integerVariable('OMS_DEMO_ORDERS', 5000, {
    meaning: 'orders the demo seed generates into an empty database (demo mode only)',
  }),
  simulatorSpeed: integerVariable('OMS_SIMULATOR_SPEED', 1, {
    meaning: 'the simulators run this many times faster, a step normally taking 5–30 s (demo mode only)',
    min: 1,
  }),
} as const;

/** Every variable demo mode reads, in the README's order. */
export const DEMO_MODE_VARIABLES: readonly Variable<unknown>[] = Object.values(DEMO_VARIABLES);

/** Parses demo mode's variables; throws naming the variable when one is malformed. */
export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  return {
    simulators: readVariable(env, DEMO_VARIABLES.simulators),
    wmsUrl: readVariable(env, DEMO_VARIABLES.wmsUrl),
    paymentUrl: readVariable(env, DEMO_VARIABLES.paymentUrl),
    orderCount: readVariable(env, DEMO_VARIABLES.orderCount),
    simulatorSpeed: readVariable(env, DEMO_VARIABLES.simulatorSpeed),
  };
}
