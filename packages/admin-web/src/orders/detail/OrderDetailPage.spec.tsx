import { GraphQLError } from 'graphql';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { OrderDetailPageDocument, RevealPersonalDataDocument } from '@/gql/graphql';
import { renderPage } from '@/testing/render';
import { OrderDetailPage } from './OrderDetailPage';
import { MASKED_PHONE, ORDER_NUMBER, SUB_ORDER_NUMBER, shippedOrder } from './testing/orderFixture';

afterEach(cleanup);

const orderQuery = (number: string, order = shippedOrder()) => ({
  request: { query: OrderDetailPageDocument, variables: { number } },
  result: { data: { order } },
});

function openOrder(number: string, mocks: Parameters<typeof renderPage>[1]['mocks'], language?: 'en') {
  return renderPage(<OrderDetailPage />, {
    path: '/orders/:number',
    url: `/orders/${number}`,
    mocks,
    ...(language ? { language } : {}),
  });
}

describe('the order page', () => {
  it('shows the number, the status, the sub-orders and the masked phone', async () => {
    openOrder(ORDER_NUMBER, [orderQuery(ORDER_NUMBER)]);
    expect(await screen.findByTestId('order-number')).toHaveProperty('textContent', ORDER_NUMBER);
    expect(screen.getByTestId('order-status').textContent).toBe('已拆分');
    expect(screen.getByTestId('receiver-phone').textContent).toBe(MASKED_PHONE);
    const cards = screen.getAllByTestId('suborder-card');
    expect(cards).toHaveLength(1);
    expect(within(cards[0]!).getByTestId('suborder-status').textContent).toBe('已发货');
    expect(within(cards[0]!).getByText('SF1234567890')).toBeTruthy();
  });

  it('merges order and carrier events into one timeline, in time order, grouped by Shanghai day', async () => {
    openOrder(ORDER_NUMBER, [orderQuery(ORDER_NUMBER)]);
    const timeline = await screen.findByTestId('timeline');
    const days = within(timeline)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.firstChild?.textContent);
    expect(days).toEqual(['2024-03-01', '2024-03-02', '2024-03-03']);
    const entries = within(timeline).getAllByTestId('timeline-entry');
    const titles = entries.map((e) => e.querySelector('[data-part="title"]')?.textContent);
    expect(titles).toEqual([
      '订单创建',
      '订单状态：待支付 → 已支付',
      '履约状态：已打包 → 已发货',
      '已揽收',
      '添加备注',
      '运输中',
    ]);
    expect(entries[0]!.textContent).toContain('09:00:00');
    expect(entries[5]!.textContent).toContain('04:00:00');
  });

  it('says who did each thing and why, and marks what the customer sees', async () => {
    openOrder(ORDER_NUMBER, [orderQuery(ORDER_NUMBER)]);
    const entries = await screen.findAllByTestId('timeline-entry');
    const note = entries[4]!;
    expect(note.textContent).toContain('员工 · 客服小王 (agent)');
    expect(note.textContent).toContain('原因：客户要求周末送货');
    expect(note.textContent).not.toContain('客户可见');
    expect(entries.filter((e) => e.textContent?.includes('客户可见'))).toHaveLength(5);
    expect(entries[3]!.textContent).toContain('顺丰速运 SF1234567890');
    expect(entries[3]!.textContent).toContain('快件已揽收 · 上海');
  });

  it('words refund entries: the channel by its name, the OVERPAID reason, never a code', async () => {
    const order = shippedOrder();
    const entry = (id: string, extra: Partial<(typeof order.timeline)[number]>) => ({
      ...order.timeline[0]!,
      id,
      at: '2024-03-03T02:00:00Z',
      customerVisible: false,
      before: null,
      ...extra,
    });
    order.timeline = [
      entry('r1', {
        type: 'REFUNDS_CREATED',
        actor: 'payments',
        actorType: 'SYSTEM',
        reason: 'OVERPAID',
        after: { refunds: [{ refundId: '7', method: 'ALIPAY', amountFen: 100 }] },
      }),
      entry('r2', {
        type: 'REFUND_FAILED',
        at: '2024-03-03T02:01:00Z',
        actor: 'ALIPAY',
        actorType: 'PAYMENT',
        reason: '账户已注销',
        after: { refundId: '7', method: 'ALIPAY', amountFen: 100, attempt: 1 },
      }),
    ];
    openOrder(ORDER_NUMBER, [orderQuery(ORDER_NUMBER, order)]);
    const entries = await screen.findAllByTestId('timeline-entry');
    const [created, failed] = entries.filter((e) => /退款/.test(e.textContent ?? ''));
    expect(created!.textContent).toContain('发起退款：支付宝 ¥1.00');
    expect(created!.textContent).toContain('原因：多付款项退回');
    expect(failed!.textContent).toContain('退款失败：支付宝 ¥1.00（第 1 次尝试）');
    expect(failed!.textContent).toContain('支付渠道 · 支付宝');
    expect(failed!.textContent).toContain('原因：账户已注销');
    expect(failed!.textContent).not.toMatch(/ALIPAY|OVERPAID|REFUND_/);
  });

  it('offers the actions the server allows, disabled ones disabled, reveal kept for the receiver', async () => {
    openOrder(ORDER_NUMBER, [orderQuery(ORDER_NUMBER)]);
    const actions = await screen.findByRole('group', { name: '可执行操作' });
    const buttons = within(actions).getAllByRole('button');
    expect(buttons.map((b) => [b.textContent, (b as HTMLButtonElement).disabled])).toEqual([
      ['拦截', false],
      ['解除拦截', true],
      ['取消', true],
      ['添加备注', false],
    ]);
  });

  it('reveals the receiver in full after a reason is given', async () => {
    const reason = '客户来电核对收货信息';
    openOrder(ORDER_NUMBER, [
      orderQuery(ORDER_NUMBER),
      {
        request: {
          query: RevealPersonalDataDocument,
          variables: { input: { orderNumber: ORDER_NUMBER, reason } },
        },
        result: {
          data: {
            revealPersonalData: {
              __typename: 'RevealPersonalDataPayload',
              personalData: {
                __typename: 'RevealedPersonalData',
                orderNumber: ORDER_NUMBER,
                name: '张三',
                phone: '13812345678',
                province: '上海市',
                city: '上海市',
                district: '浦东新区',
                address: '世纪大道 100 号',
              },
            },
          },
        },
      },
      orderQuery(ORDER_NUMBER),
    ]);
    fireEvent.click(await screen.findByTestId('reveal-button'));
    fireEvent.click(await screen.findByTestId('reveal-confirm'));
    expect(await screen.findByText('请填写查看原因。')).toBeTruthy();
    expect(screen.getByTestId('receiver-phone').textContent).toBe(MASKED_PHONE);

    fireEvent.change(screen.getByTestId('reveal-reason'), { target: { value: reason } });
    fireEvent.click(screen.getByTestId('reveal-confirm'));
    await waitFor(() => expect(screen.getByTestId('receiver-phone').textContent).toBe('13812345678'));
    expect(screen.getByTestId('receiver-address').textContent).toBe('上海市 上海市 浦东新区 世纪大道 100 号');
    expect(screen.getByTestId('receiver-address').textContent).not.toContain('****');
  });

  it('tells a mistyped order number by its check digit', async () => {
    const typo = '2403011234567899';
    openOrder(typo, [
      {
        request: { query: OrderDetailPageDocument, variables: { number: typo } },
        result: {
          errors: [new GraphQLError('check digit', { extensions: { code: 'INVALID_ORDER_NUMBER' } })],
        },
      },
    ]);
    expect((await screen.findByTestId('order-message')).textContent).toBe('订单号校验位错误，请核对');
  });

  it('says when there is no such order', async () => {
    openOrder(ORDER_NUMBER, [
      {
        request: { query: OrderDetailPageDocument, variables: { number: ORDER_NUMBER } },
        result: { data: { order: null } },
      },
    ]);
    expect((await screen.findByTestId('order-message')).textContent).toBe(
      `没有找到订单「${ORDER_NUMBER}」。`,
    );
  });

  it('opens on a sub-order number and points at that sub-order, in English when chosen', async () => {
    renderPage(<OrderDetailPage />, {
      path: '/orders/:number',
      url: `/orders/${ORDER_NUMBER}?subOrder=${SUB_ORDER_NUMBER}`,
      mocks: [orderQuery(ORDER_NUMBER)],
      language: 'en',
    });
    const card = await screen.findByTestId('suborder-card');
    expect(card.textContent).toContain('Found by this sub-order number');
    expect(screen.getByTestId('order-status').textContent).toBe('Split');
  });
});
