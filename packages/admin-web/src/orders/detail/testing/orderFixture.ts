import type { Unmasked } from '@apollo/client';
import type { OrderDetailPageQuery } from '@/gql/graphql';

type Order = NonNullable<Unmasked<OrderDetailPageQuery>['order']>;

const money = (yuan: string) => ({ __typename: 'Money' as const, yuan });
const warehouse = { __typename: 'Warehouse' as const, id: 'w1', code: 'SH01', name: '上海一号仓' };

export const ORDER_NUMBER = '2403011234567890';
export const SUB_ORDER_NUMBER = '2403011234567891';
export const MASKED_PHONE = '138****5678';

/** A split, shipped order as the order page's query returns it: small, but every field the page reads. */
export function shippedOrder(): Order {
  return {
    __typename: 'Order',
    id: 'o1',
    number: ORDER_NUMBER,
    status: 'SPLIT',
    source: 'SELF_OPERATED',
    type: 'NORMAL',
    channel: 'APP',
    version: 7,
    held: false,
    createdAt: '2024-03-01T01:00:00Z',
    paidAt: '2024-03-01T01:05:00Z',
    customerStatus: '待收货',
    remark: null,
    receiver: {
      __typename: 'Receiver',
      name: '张**',
      phone: MASKED_PHONE,
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      address: '****',
      deliveryPreference: null,
    },
    customer: { __typename: 'Customer', id: 'c****9', nickname: '小张', accountAgeDays: 400 },
    invoice: null,
    interceptions: [],
    allowedActions: [
      { __typename: 'AllowedAction', action: 'INTERCEPT', enabled: true, reasonCode: null },
      { __typename: 'AllowedAction', action: 'RELEASE', enabled: false, reasonCode: 'NOT_HELD' },
      { __typename: 'AllowedAction', action: 'CANCEL', enabled: false, reasonCode: 'STATE_FORBIDS' },
      { __typename: 'AllowedAction', action: 'ADD_NOTE', enabled: true, reasonCode: null },
      { __typename: 'AllowedAction', action: 'REVEAL', enabled: true, reasonCode: null },
    ],
    amounts: {
      __typename: 'Amounts',
      goods: money('200.00'),
      freight: money('10.00'),
      orderTotal: money('210.00'),
      couponDiscount: money('20.00'),
      promotionDiscount: money('0.00'),
      giftCard: money('50.00'),
      points: money('5.00'),
      payable: money('135.00'),
    },
    lines: [
      {
        __typename: 'OrderLine',
        id: 'l1',
        lineRef: 'L1',
        sku: 'SKU-1',
        title: '保温杯',
        quantity: 2,
        lineAmount: money('200.00'),
        subOrderNumber: SUB_ORDER_NUMBER,
        allocations: {
          __typename: 'LineAllocations',
          couponDiscount: money('20.00'),
          promotionDiscount: money('0.00'),
          giftCard: money('50.00'),
          points: money('5.00'),
          freight: money('10.00'),
          cash: money('135.00'),
        },
      },
    ],
    payments: [
      {
        __typename: 'Payment',
        id: 'p1',
        method: 'ALIPAY',
        status: 'SUCCEEDED',
        transactionNo: 'ALI2024030100001',
        paidAt: '2024-03-01T01:05:00Z',
        amount: money('135.00'),
        logs: [
          { __typename: 'PaymentLog', status: 'SUCCEEDED', at: '2024-03-01T01:05:00Z', reference: 'R1' },
        ],
      },
    ],
    giftCardUsages: [
      {
        __typename: 'GiftCardUsage',
        id: 'g1',
        cardNumber: '**** 1234',
        at: '2024-03-01T01:00:00Z',
        reversal: false,
        amount: money('50.00'),
        balanceAfter: money('150.00'),
      },
    ],
    pointsUsages: [],
    refunds: [],
    timeline: [
      {
        __typename: 'OrderEvent',
        id: 'e1',
        type: 'ORDER_CREATED',
        at: '2024-03-01T01:00:00Z',
        actor: 'storefront',
        actorType: 'INTEGRATION',
        actorName: null,
        reason: null,
        subOrderNumber: null,
        before: null,
        after: { status: 'PENDING_PAYMENT' },
        customerVisible: true,
      },
      {
        __typename: 'OrderEvent',
        id: 'e2',
        type: 'STATUS_CHANGED',
        at: '2024-03-01T01:05:00Z',
        actor: 'payments',
        actorType: 'SYSTEM',
        actorName: null,
        reason: null,
        subOrderNumber: null,
        before: { status: 'PENDING_PAYMENT' },
        after: { status: 'PAID' },
        customerVisible: true,
      },
      {
        __typename: 'OrderEvent',
        id: 'e3',
        type: 'STATUS_CHANGED',
        at: '2024-03-02T02:00:00Z',
        actor: 'SH01',
        actorType: 'WAREHOUSE',
        actorName: '上海一号仓',
        reason: null,
        subOrderNumber: SUB_ORDER_NUMBER,
        before: { status: 'PACKED' },
        after: { status: 'SHIPPED' },
        customerVisible: true,
      },
      {
        __typename: 'OrderEvent',
        id: 'e4',
        type: 'NOTE_ADDED',
        at: '2024-03-02T09:00:00Z',
        actor: 'agent',
        actorType: 'STAFF',
        actorName: '客服小王',
        reason: '客户要求周末送货',
        subOrderNumber: null,
        before: null,
        after: null,
        customerVisible: false,
      },
    ],
    subOrders: [
      {
        __typename: 'SubOrder',
        id: 's1',
        number: SUB_ORDER_NUMBER,
        status: 'SHIPPED',
        version: 5,
        dispatchState: 'ACKNOWLEDGED',
        dispatchError: null,
        held: false,
        outOfStock: false,
        cancelRequestedAt: null,
        lateMinutes: null,
        merchantId: null,
        createdAt: '2024-03-01T01:06:00Z',
        dispatchedAt: '2024-03-01T01:07:00Z',
        shippedAt: '2024-03-02T02:00:00Z',
        customerStatus: '待收货',
        warehouse,
        warehouseHistory: [
          {
            __typename: 'WarehouseAssignment',
            warehouse,
            assignedAt: '2024-03-01T01:06:00Z',
            releasedAt: null,
            reason: 'SPLIT',
          },
        ],
        lines: [
          {
            __typename: 'OrderLine',
            id: 'l1',
            lineRef: 'L1',
            sku: 'SKU-1',
            title: '保温杯',
            quantity: 2,
            salePrice: money('100.00'),
            lineAmount: money('200.00'),
            attributes: [],
            giftFor: null,
          },
        ],
        amounts: {
          __typename: 'Amounts',
          goods: money('200.00'),
          freight: money('10.00'),
          couponDiscount: money('20.00'),
          promotionDiscount: money('0.00'),
          giftCard: money('50.00'),
          points: money('5.00'),
          payable: money('135.00'),
        },
        interceptions: [],
        allowedActions: [
          { __typename: 'AllowedAction', action: 'CANCEL', enabled: false, reasonCode: 'STATE_FORBIDS' },
        ],
        shipments: [
          {
            __typename: 'Shipment',
            id: 'sh1',
            trackingNumber: 'SF1234567890',
            node: 'IN_TRANSIT',
            shippedAt: '2024-03-02T02:00:00Z',
            carrier: { __typename: 'Carrier', code: 'SF', name: '顺丰速运' },
            events: [
              {
                __typename: 'LogisticsEvent',
                id: 'le1',
                node: 'COLLECTED',
                rawState: '1',
                context: '快件已揽收',
                location: '上海',
                at: '2024-03-02T03:00:00Z',
                customerVisible: true,
              },
              {
                __typename: 'LogisticsEvent',
                id: 'le2',
                node: 'IN_TRANSIT',
                rawState: '0',
                context: '快件已到达杭州转运中心',
                location: '杭州',
                at: '2024-03-02T20:00:00Z',
                customerVisible: true,
              },
            ],
          },
        ],
      },
    ],
  };
}

export const SECOND_SUB_ORDER_NUMBER = '2403011234567892';

/**
 * The same order split in two: the shipped sub-order (cannot be cancelled) and one the warehouse has just accepted
 * (can be), with its own amounts; the order offers cancel. `version` lets a test tell a reload.
 */
export function twoSubOrders(version = 7): Order {
  const order = shippedOrder();
  const shipped = order.subOrders[0]!;
  const accepted: Order['subOrders'][number] = {
    ...shipped,
    id: 's2',
    number: SECOND_SUB_ORDER_NUMBER,
    status: 'ACCEPTED',
    version: 3,
    shippedAt: null,
    shipments: [],
    lines: [{ ...shipped.lines[0]!, id: 'l2', lineRef: 'L2', sku: 'SKU-2', title: '保温杯盖', quantity: 1 }],
    amounts: {
      ...shipped.amounts,
      payable: money('88.80'),
      giftCard: money('20.00'),
      points: money('1.20'),
    },
    allowedActions: [
      { __typename: 'AllowedAction', action: 'INTERCEPT', enabled: true, reasonCode: null },
      { __typename: 'AllowedAction', action: 'CANCEL', enabled: true, reasonCode: null },
      { __typename: 'AllowedAction', action: 'REASSIGN_WAREHOUSE', enabled: true, reasonCode: null },
      { __typename: 'AllowedAction', action: 'ADD_NOTE', enabled: true, reasonCode: null },
    ],
  };
  return {
    ...order,
    version,
    allowedActions: order.allowedActions.map((a) =>
      a.action === 'CANCEL' ? { ...a, enabled: true, reasonCode: null } : a,
    ),
    subOrders: [shipped, accepted],
  };
}
