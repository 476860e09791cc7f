import { DEFAULT_RULE_PARAMS, type AutomaticRule, type InterceptionStatus } from '@oms/schema';
import type { BlacklistKind } from '@oms/server';
import { DAY, MINUTE } from './clock.js';
import type { SeedContext } from './context.js';
import { journey, type JourneyPlan } from './journey.js';
import type { OrderDraft } from './model.js';
import { mobilePhone, personName, receiverAt, streetAddress } from './people.js';
import { byAge, HOURS } from './targets.js';

/** A threshold of a stored rule (risk_rules.params), or its default. */
export function ruleParam(ctx: SeedContext, rule: AutomaticRule, name: string): number {
  return ctx.rules.find((r) => r.code === rule)?.params[name] ?? DEFAULT_RULE_PARAMS[rule][name] ?? 0;
}

const BLACKLIST_NOTES: Readonly<Record<BlacklistKind, string>> = {
  PHONE: '多次恶意拒收，已列入黑名单',
  ACCOUNT: '疑似黄牛账号，批量下单倒卖',
  ADDRESS: '虚假地址刷单，物流多次退回',
};

/**
 * An order that screening holds by `rule` right after its split, built so that exactly the facts the rule looks at
 * are met: a days-old account with an expensive cart, a phone/account/address on the blacklist, more of one sku
 * than the limit, or (ADDRESS_VELOCITY) the paid orders to one address inside the window — those earlier orders are
 * part of the story and returned with it. The hold then stays ACTIVE or is released, cancelled or expires.
 */
export function heldByScreening(
  ctx: SeedContext,
  createdAt: number,
  rule: AutomaticRule,
  outcome: InterceptionStatus,
): OrderDraft[] {
  const { rng, people } = ctx;
  const age = (ctx.now - createdAt) / MINUTE;
  const plan: JourneyPlan = {
    basket: 'everyday',
    end: 'SPLIT',
    hold: { rule, outcome },
    target: () => byAge(rng, age),
  };
  switch (rule) {
    case 'HIGH_VALUE_NEW_ACCOUNT': {
      const maxDays = ruleParam(ctx, rule, 'maxAccountAgeDays');
      const registered = createdAt - rng.between(0.05, Math.max(0.1, maxDays - 0.5)) * DAY;
      return [
        journey(ctx, createdAt, {
          ...plan,
          basket: 'highValue',
          basketParam: ruleParam(ctx, rule, 'minPayableFen'),
          storedValue: false,
          customer: people.newCustomer(new Date(registered)),
        }),
      ];
    }
    case 'QUANTITY_LIMIT':
      return [
        journey(ctx, createdAt, {
          ...plan,
          basket: 'bulk',
          basketParam: ruleParam(ctx, rule, 'maxQuantityPerSku') + rng.int(1, 15),
        }),
      ];
    case 'BLACKLIST': {
      const customer = people.newCustomer(new Date(createdAt - rng.int(60, 900) * DAY));
      const kind = rng.weighted([
        ['PHONE', 3],
        ['ACCOUNT', 1],
        ['ADDRESS', 1],
      ] as const);
      const value =
        kind === 'PHONE'
          ? customer.receiver.phone
          : kind === 'ACCOUNT'
            ? customer.id
            : customer.receiver.addressKey;
      ctx.blacklist.push({
        kind,
        value,
        note: BLACKLIST_NOTES[kind],
        createdAt: new Date(createdAt - rng.int(3, 50) * DAY),
      });
      return [
        journey(ctx, createdAt, {
          ...plan,
          customer,
          receiver: customer.receiver,
          screening: { blacklisted: [kind] },
        }),
      ];
    }
    case 'ADDRESS_VELOCITY':
      return velocity(ctx, createdAt, plan);
  }
}

/**
 * 刷单: several accounts send paid orders to one address within the window; the first `maxPaidOrders` pass, the
 * next is held. Each order is a separate account with its own name and phone.
 */
function velocity(ctx: SeedContext, createdAt: number, plan: JourneyPlan): OrderDraft[] {
  const { rng, people } = ctx;
  const max = ruleParam(ctx, 'ADDRESS_VELOCITY', 'maxPaidOrders');
  const windowMinutes = ruleParam(ctx, 'ADDRESS_VELOCITY', 'windowHours') * HOURS;
  const place = streetAddress(rng);
  const sockPuppet = () => {
    const receiver = receiverAt(personName(rng), mobilePhone(rng, people.phones), place);
    return people.newCustomer(new Date(createdAt - rng.int(30, 400) * DAY), receiver);
  };
  const earlier = Array.from(
    { length: max },
    () => createdAt - rng.between(20, windowMinutes - 60) * MINUTE,
  ).sort((a, b) => a - b);
  const orders = earlier.map((at, i) => {
    const customer = sockPuppet();
    return journey(ctx, at, {
      basket: 'single',
      end: 'SPLIT',
      customer,
      receiver: customer.receiver,
      screening: { paidOrdersToAddress: i + 1 },
      target: () => byAge(rng, (ctx.now - at) / MINUTE),
    });
  });
  const customer = sockPuppet();
  orders.push(
    journey(ctx, createdAt, {
      ...plan,
      basket: 'single',
      customer,
      receiver: customer.receiver,
      screening: { paidOrdersToAddress: max + 1 },
    }),
  );
  return orders;
}
