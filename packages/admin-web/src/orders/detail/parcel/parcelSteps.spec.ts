import { describe, expect, it } from 'vitest';
import { DELIVERY_PATH, parcelSteps } from './parcelSteps';

const summary = (result: ReturnType<typeof parcelSteps>) => result.steps.map((s) => `${s.node}:${s.state}`);

describe('parcelSteps', () => {
  it('draws the delivery path COLLECTED → IN_TRANSIT → OUT_FOR_DELIVERY → SIGNED', () => {
    expect(DELIVERY_PATH).toEqual(['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'SIGNED']);
  });

  it('marks the path done up to the current node', () => {
    const result = parcelSteps('IN_TRANSIT', ['COLLECTED', 'IN_TRANSIT']);
    expect(summary(result)).toEqual([
      'COLLECTED:done',
      'IN_TRANSIT:current',
      'OUT_FOR_DELIVERY:todo',
      'SIGNED:todo',
    ]);
    expect(result.activeStep).toBe(1);
  });

  it('shows everything done once signed', () => {
    const result = parcelSteps('SIGNED', ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'SIGNED']);
    expect(result.steps.every((s) => s.state === 'done')).toBe(true);
    expect(result.activeStep).toBe(4);
  });

  it('counts skipped path nodes as passed', () => {
    expect(summary(parcelSteps('OUT_FOR_DELIVERY', ['OUT_FOR_DELIVERY']))).toEqual([
      'COLLECTED:done',
      'IN_TRANSIT:done',
      'OUT_FOR_DELIVERY:current',
      'SIGNED:todo',
    ]);
  });

  it('adds side nodes only when reached, in the order reached, flagged when they are trouble', () => {
    const result = parcelSteps('RETURNING', [
      'COLLECTED',
      'IN_TRANSIT',
      'EXCEPTION',
      'REJECTED',
      'RETURNING',
    ]);
    expect(summary(result)).toEqual([
      'COLLECTED:done',
      'IN_TRANSIT:done',
      'OUT_FOR_DELIVERY:todo',
      'SIGNED:todo',
      'EXCEPTION:done',
      'REJECTED:done',
      'RETURNING:current',
    ]);
    expect(result.steps.filter((s) => s.error).map((s) => s.node)).toEqual(['REJECTED']);
    expect(result.activeStep).toBe(6);
  });

  it('flags an exception as trouble only while the parcel is in it', () => {
    const stuck = parcelSteps('EXCEPTION', ['COLLECTED', 'EXCEPTION']);
    expect(stuck.steps.find((s) => s.node === 'EXCEPTION')).toMatchObject({ state: 'current', error: true });
    const resolved = parcelSteps('SIGNED', ['COLLECTED', 'EXCEPTION', 'IN_TRANSIT', 'SIGNED']);
    expect(resolved.steps.find((s) => s.node === 'EXCEPTION')).toMatchObject({ state: 'done', error: false });
  });

  it('draws nothing reached for a parcel without carrier news', () => {
    const result = parcelSteps(null, []);
    expect(result.steps.map((s) => s.state)).toEqual(['todo', 'todo', 'todo', 'todo']);
    expect(result.activeStep).toBe(0);
  });
});
