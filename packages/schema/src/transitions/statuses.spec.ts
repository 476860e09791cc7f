import { describe, expect, it } from 'vitest';
import { customerStatusOfSplitOrder } from './statuses.js';

describe('customerStatusOfSplitOrder', () => {
  it.each([
    [['PICKING', 'SHIPPED'], '待发货'],
    [['SHIPPED', 'DELIVERED'], '待收货'],
    [['DELIVERED', 'CANCELLED'], '已完成'],
    [['REJECTED', 'CANCELLED'], '已拒收'],
    [['CANCELLED', 'CANCELLED'], '已取消'],
    [['CREATED'], '待发货'],
  ] as const)('%j → %s', (subOrders, expected) => {
    expect(customerStatusOfSplitOrder(subOrders)).toBe(expected);
  });
});
