import { normalizeAddress } from '@oms/schema';
import { COMPOUNDS, PROVINCES, STREETS, TOWERS } from './places.js';
import type { Rng } from './random.js';
import type { Receiver as OrderReceiver } from '@oms/server';

// Name parts and number prefixes as space-separated lists, so the data stays compact.
const SURNAMES =
  `王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 萧 田
  董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 沈 欧阳 诸葛 司马`.split(/\s+/);
const GIVEN =
  `伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 晓燕 建国 志强 海燕 子涵 梓轩 欣怡
  浩然 雨桐 思远 佳琪 宇航 一鸣 诗涵 俊杰 嘉怡 文博 晨曦 梦瑶 天佑 若曦 子墨 婉清`.split(/\s+/);
const NICK_WORDS = '快乐的 爱吃 不吃 会飞的 小 大 追风 安静的 喜欢'.split(' ');
const NICK_THINGS = '猫 鱼 橙子 土豆 星星 海 柠檬 少年 兔兔 熊'.split(' ');
/** Mainland mobile prefixes in use (移动, 联通, 电信, 广电). */
const MOBILE_PREFIXES =
  `134 135 136 137 138 139 147 150 151 152 157 158 159 178 182 183 187 188 198 130 131 132
  155 156 166 175 176 185 186 133 153 173 177 180 181 189 191 199 192`.split(/\s+/);

/** A receiver (收货人) as written on an order (the server's Receiver), with its address normalised. */
export interface Receiver extends OrderReceiver {
  /** normalizeAddress() of the whole address (stored as its blind index, receiverIndexes). */
  readonly addressKey: string;
}

/** A storefront customer: an account with its usual receiver. */
export interface Customer {
  readonly id: string;
  readonly nickname: string;
  readonly registeredAt: Date;
  readonly receiver: Receiver;
}

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** An 11-digit mainland mobile number 1[3-9]xxxxxxxxx; unique across the seed via `taken`. */
export function mobilePhone(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + rng.digits(8);
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

/** A street address in a real province, city and district. */
export function streetAddress(rng: Rng): Omit<Receiver, 'name' | 'phone' | 'addressKey'> {
  const province = rng.weighted(PROVINCES.map((p) => [p, p.weight] as const));
  const city = rng.pick(province.cities);
  const district = rng.pick(city.districts);
  const street = `${rng.pick(STREETS)}${rng.int(1, 999)}号`;
  const address = rng.chance(0.8)
    ? `${street}${rng.pick(COMPOUNDS)}${rng.int(1, 32)}栋${rng.int(1, 4)}单元${rng.int(1, 33)}0${rng.int(1, 4)}室`
    : `${street}${rng.pick(TOWERS)}${rng.pick(['A', 'B', 'C'])}座${rng.int(2, 40)}0${rng.int(1, 9)}`;
  return { province: province.name, city: city.name, district, address };
}

export function receiverAt(
  name: string,
  phone: string,
  place: Omit<Receiver, 'name' | 'phone' | 'addressKey'>,
): Receiver {
  return { name, phone, ...place, addressKey: normalizeAddress(place) };
}

/**
 * The customers the demo's orders come from. The pool is about half as large as the order count and drawn from
 * uniformly, so most customers have one to three orders (the search's "several matches" list for a phone) while
 * none places enough orders to one address in a day to trip ADDRESS_VELOCITY by accident.
 */
export class People {
  private readonly pool: Customer[] = [];
  readonly phones = new Set<string>();
  private nextCustomer = 10_000_000;

  constructor(
    private readonly rng: Rng,
    poolSize: number,
    now: number,
  ) {
    for (let i = 0; i < poolSize; i++) {
      // Established accounts: a week to eight years old, so HIGH_VALUE_NEW_ACCOUNT only fires where a story wants it.
      const ageDays = rng.int(40, 2_900);
      this.pool.push(this.newCustomer(new Date(now - ageDays * 86_400_000)));
    }
  }

  /** A returning customer from the pool. */
  regular(): Customer {
    return this.rng.pick(this.pool);
  }

  /** A customer not in the pool (new accounts, blacklisted people, scalpers' sock puppets). */
  newCustomer(registeredAt: Date, receiver?: Receiver): Customer {
    const id = `u_${this.nextCustomer++}${this.rng.digits(2)}`;
    const nickname = this.rng.chance(0.6)
      ? `${this.rng.pick(NICK_WORDS)}${this.rng.pick(NICK_THINGS)}${this.rng.int(1, 999)}`
      : `jd_${this.rng.digits(3)}${this.rng.pick(['a', 'x', 'k', 'm'])}${this.rng.digits(4)}`;
    return {
      id,
      nickname,
      registeredAt,
      receiver:
        receiver ??
        receiverAt(personName(this.rng), mobilePhone(this.rng, this.phones), streetAddress(this.rng)),
    };
  }

  /** Who the parcel goes to: usually the customer's own receiver, sometimes a relative or the office. */
  receiverFor(customer: Customer): Receiver {
    if (this.rng.chance(0.85)) return customer.receiver;
    const gift = this.rng.chance(0.5);
    const own = customer.receiver;
    const place = gift
      ? streetAddress(this.rng)
      : {
          province: own.province,
          city: own.city,
          district: own.district,
          address: streetAddress(this.rng).address,
        };
    return receiverAt(
      gift ? personName(this.rng) : customer.receiver.name,
      gift ? mobilePhone(this.rng, this.phones) : customer.receiver.phone,
      place,
    );
  }
}
