import { describe, expect, it } from 'vitest';
import { abilitiesOf, navItemsFor } from './navigation';

describe('what each role is offered', () => {
  it('lists the navigation each role may use', () => {
    const paths = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.to);
    expect(paths('AGENT')).toEqual(['/', '/orders']);
    expect(paths('OPS')).toEqual(['/', '/orders', '/interceptions', '/warehouses', '/refunds']);
    expect(paths('MANAGER')).toEqual(['/', '/orders', '/interceptions', '/warehouses', '/refunds', '/admin']);
    expect(paths('ADMIN')).toEqual(['/', '/orders', '/interceptions', '/warehouses', '/refunds', '/admin']);
  });

  it('gives admins alone the administration ability', () => {
    expect(abilitiesOf('ADMIN').administer).toBe(true);
    expect(abilitiesOf('MANAGER').administer).toBe(false);
  });

  it('shapes the pages from the same permission matrix the server enforces', () => {
    expect(abilitiesOf('AGENT')).toEqual({
      readInterceptionQueue: false,
      decideInterceptions: false,
      editRiskRules: false,
      readWarehouseFigures: false,
      reassignWarehouses: false,
      handleFailedRefunds: false,
      administer: false,
    });
    expect(abilitiesOf('OPS')).toEqual({
      readInterceptionQueue: true,
      decideInterceptions: false,
      editRiskRules: false,
      readWarehouseFigures: true,
      reassignWarehouses: true,
      handleFailedRefunds: true,
      administer: false,
    });
    expect(abilitiesOf('MANAGER')).toMatchObject({ decideInterceptions: true, editRiskRules: true });
    expect(abilitiesOf(null).readInterceptionQueue).toBe(false);
  });
});
