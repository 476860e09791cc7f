import { CARRIERS, type CarrierCode } from '@oms/schema';
import { kuaidi100Sign } from '@oms/server';
import { between, chance, type Schedule } from './schedule.js';

interface Step {
  readonly state: string;
  readonly context: string;
}

function shanghaiNow(): string {
  const local = new Date(Date.now() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

/** The track a parcel follows: the usual path, now and then a problem on the way or a refusal at the door. */
function route(city: string): Step[] {
  const steps: Step[] = [
    { state: '1', context: `【${city}】快件已由快递员揽收` },
    { state: '0', context: `【${city}】快件已发往【转运中心】` },
    { state: '0', context: '快件已到达【目的地转运中心】' },
  ];
  if (chance(0.08)) steps.push({ state: '2', context: '快件派送不成功（联系不上收件人），待再次派送' });
  steps.push({ state: '5', context: '快件正在派送中，请保持电话畅通' });
  if (chance(0.05)) {
    steps.push(
      { state: '14', context: '收件人拒收，快件将退回寄件人' },
      { state: '6', context: '快件退回中' },
      { state: '4', context: '快件已退回寄件人并签收' },
    );
  } else {
    steps.push({ state: '3', context: '快件已签收，签收人：本人，感谢使用' });
  }
  return steps;
}

/** Pushes Kuaidi100-style tracks for shipped parcels to the carrier webhook, over real HTTP (demo mode). */
export class CarrierSimulator {
  constructor(
    private readonly baseUrl: string,
    private readonly salt: string,
    private readonly schedule: Schedule,
    private readonly stepMs: readonly [number, number],
  ) {}

  /** Starts the track of one parcel. */
  follow(carrier: CarrierCode, trackingNumber: string, city: string): void {
    const com = CARRIERS.find((c) => c.code === carrier)?.kuaidi100Code ?? 'jd';
    const steps = route(city);
    const data: { context: string; time: string; ftime: string; areaName: string }[] = [];
    const next = (i: number) => {
      const step = steps[i];
      if (!step) return;
      this.schedule.after(between(...this.stepMs), async () => {
        const time = shanghaiNow();
        data.unshift({ context: step.context, time, ftime: time, areaName: city });
        await this.push(com, trackingNumber, step.state, data);
        next(i + 1);
      });
    };
    next(0);
  }

  private async push(com: string, nu: string, state: string, data: object[]): Promise<void> {
    const param = JSON.stringify({
      status: 'polling',
      lastResult: { com, nu, state, ischeck: state === '3' ? '1' : '0', data },
    });
    const response = await fetch(`${this.baseUrl}/webhooks/carriers/kuaidi100`, {
      method: 'POST',
      body: new URLSearchParams({ param, sign: kuaidi100Sign(param, this.salt) }),
    });
    if (!response.ok) throw new Error(`carrier push answered ${response.status}`);
  }
}
