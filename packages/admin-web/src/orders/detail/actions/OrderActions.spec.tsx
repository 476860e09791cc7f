import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AddOrderNoteDocument,
  CancelOrderDocument,
  InterceptOrderDocument,
  OrderDetailPageDocument,
  RedriveDispatchDocument,
  ReleaseInterceptionDocument,
} from '@/gql/graphql';
import { renderPage } from '@/testing/render';
import { OrderDetailPage } from '../OrderDetailPage';
import {
  ORDER_NUMBER,
  SECOND_SUB_ORDER_NUMBER,
  SUB_ORDER_NUMBER,
  shippedOrder,
  twoSubOrders,
} from '../testing/orderFixture';

afterEach(cleanup);

const orderQuery = (order = twoSubOrders()) => ({
  request: { query: OrderDetailPageDocument, variables: { number: ORDER_NUMBER } },
  result: { data: { order } },
});

type Input = Record<string, unknown>;
const withInput =
  (expected: Input) =>
  (variables: { input?: Input }): boolean =>
    Object.entries(expected).every(([key, value]) => variables.input?.[key] === value);

function openOrder(mocks: Parameters<typeof renderPage>[1]['mocks']) {
  return renderPage(<OrderDetailPage />, { path: '/orders/:number', url: `/orders/${ORDER_NUMBER}`, mocks });
}

async function orderActions() {
  return screen.findByRole('group', { name: '可执行操作' });
}

describe('actions on the order page', () => {
  it('offers each action as a button named for browser tests, a disabled one with its reason', async () => {
    openOrder([orderQuery(shippedOrder())]);
    const actions = await orderActions();
    expect(within(actions).getByTestId('action-INTERCEPT')).toHaveProperty('disabled', false);
    expect(within(actions).getByTestId('action-CANCEL')).toHaveProperty('disabled', true);
    expect(within(actions).queryByTestId('action-REVEAL')).toBeNull();
    fireEvent.mouseOver(within(actions).getByTestId('action-CANCEL-reason'));
    expect(await screen.findByRole('tooltip')).toHaveProperty('textContent', '当前状态不允许此操作');
    const card = screen.getByTestId('suborder-card');
    expect(within(card).getByTestId('action-CANCEL')).toHaveProperty('disabled', true);
  });

  it('shows the sub-orders a cancel concerns with their amounts, and refuses an empty reason', async () => {
    openOrder([orderQuery()]);
    fireEvent.click(within(await orderActions()).getByTestId('action-CANCEL'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe(`取消订单 ${ORDER_NUMBER}`);
    const rows = within(dialog).getAllByTestId('cancel-target');
    expect(rows.map((r) => (r as HTMLTableRowElement).cells[0]!.textContent)).toEqual([
      SUB_ORDER_NUMBER,
      SECOND_SUB_ORDER_NUMBER,
    ]);
    expect(within(rows[0]!).getByTestId('cancel-payable').textContent).toBe('¥135.00');
    expect(within(rows[0]!).getByTestId('cancel-gift-card').textContent).toBe('¥50.00');
    expect(within(rows[0]!).getByTestId('cancel-points').textContent).toBe('¥5.00');
    expect(within(rows[0]!).getByTestId('cancel-refused').textContent).toBe('不能取消：当前状态不允许此操作');
    expect(within(rows[1]!).getByTestId('cancel-payable').textContent).toBe('¥88.80');
    expect(within(rows[1]!).getByTestId('cancel-gift-card').textContent).toBe('¥20.00');
    expect(within(rows[1]!).getByTestId('cancel-points').textContent).toBe('¥1.20');
    expect(within(rows[1]!).queryByTestId('cancel-refused')).toBeNull();

    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('请填写原因。')).toBeTruthy();
    expect(within(dialog).queryByTestId('action-result')).toBeNull();
    expect(within(dialog).getByTestId('action-reason').getAttribute('aria-invalid')).toBe('true');
  });

  it('cancels with the version shown, then shows each sub-order’s outcome and the refunds, and reloads', async () => {
    const reason = '客户来电取消';
    openOrder([
      orderQuery(),
      {
        request: {
          query: CancelOrderDocument,
          variables: withInput({ number: ORDER_NUMBER, reason, expectedVersion: 7 }),
        },
        result: {
          data: {
            cancelOrder: {
              __typename: 'CancelOrderPayload',
              order: { __typename: 'Order', id: 'o1', version: 8, status: 'SPLIT' },
              results: [
                {
                  __typename: 'CancelResult',
                  subOrderNumber: SUB_ORDER_NUMBER,
                  outcome: 'NOT_CANCELLABLE',
                  reason: 'the sub-order is SHIPPED',
                },
                {
                  __typename: 'CancelResult',
                  subOrderNumber: SECOND_SUB_ORDER_NUMBER,
                  outcome: 'CANCEL_REQUESTED',
                  reason: null,
                },
              ],
              refunds: [
                {
                  __typename: 'Refund',
                  id: 'r1',
                  method: 'GIFT_CARD',
                  status: 'SUCCEEDED',
                  subOrderNumber: SECOND_SUB_ORDER_NUMBER,
                  amount: { __typename: 'Money', yuan: '20.00' },
                },
              ],
            },
          },
        },
      },
      orderQuery(twoSubOrders(8)),
    ]);
    fireEvent.click(within(await orderActions()).getByTestId('action-CANCEL'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: reason } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    const result = await within(dialog).findByTestId('action-result');
    const outcomes = within(result).getAllByTestId('action-outcome');
    expect(outcomes.map((o) => o.textContent)).toEqual([
      `${SUB_ORDER_NUMBER}不能取消the sub-order is SHIPPED`,
      `${SECOND_SUB_ORDER_NUMBER}已请求仓库取消—`,
    ]);
    expect(within(result).getByTestId('action-refund').textContent).toContain('礼品卡¥20.00已退款');
    await waitFor(() => expect(screen.getByText('版本 8', { selector: 'p' })).toBeTruthy());
  });

  it('says when someone else changed the order first, and shows its current state', async () => {
    openOrder([
      orderQuery(),
      {
        request: { query: InterceptOrderDocument, variables: withInput({ expectedVersion: 7 }) },
        result: {
          errors: [
            new GraphQLError(`${ORDER_NUMBER} is at version 8, not 7: someone changed it first.`, {
              extensions: { code: 'VERSION_CONFLICT' },
            }),
          ],
        },
      },
      orderQuery(twoSubOrders(8)),
    ]);
    fireEvent.click(within(await orderActions()).getByTestId('action-INTERCEPT'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '疑似欺诈' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('version-conflict')).textContent).toBe(
      '有人已修改此订单，页面现已显示其最新状态。请核对后再决定是否重新提交。',
    );
    await waitFor(() => expect(screen.getByText('版本 8', { selector: 'p' })).toBeTruthy());
    expect(within(dialog).getByText(/按当前版本 8 提交/)).toBeTruthy();
    expect(within(dialog).queryByTestId('action-error')).toBeNull();
  });

  it('shows the precise refusal: the error code and the server’s message', async () => {
    openOrder([
      orderQuery(),
      {
        request: { query: InterceptOrderDocument, variables: withInput({ number: SECOND_SUB_ORDER_NUMBER }) },
        result: {
          errors: [
            new GraphQLError('Cannot INTERCEPT a sub-order in state DELIVERED.', {
              extensions: { code: 'INVALID_TRANSITION', currentState: 'DELIVERED' },
            }),
          ],
        },
      },
    ]);
    const cards = await screen.findAllByTestId('suborder-card');
    fireEvent.click(within(cards[1]!).getByTestId('action-INTERCEPT'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe(`拦截子单 ${SECOND_SUB_ORDER_NUMBER}`);
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '客户要求' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-error')).textContent).toBe(
      '操作被拒绝（INVALID_TRANSITION）：Cannot INTERCEPT a sub-order in state DELIVERED.',
    );
  });

  it('adds a customer-visible note, the text being required', async () => {
    const text = '已与客户确认周末送达';
    openOrder([
      orderQuery(),
      {
        request: {
          query: AddOrderNoteDocument,
          variables: { input: { orderNumber: ORDER_NUMBER, text, customerVisible: true } },
        },
        result: {
          data: {
            addOrderNote: { __typename: 'AddOrderNotePayload', order: { __typename: 'Order', id: 'o1' } },
          },
        },
      },
      orderQuery(),
    ]);
    fireEvent.click(within(await orderActions()).getByTestId('action-ADD_NOTE'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect(await within(dialog).findByText('请填写备注内容。')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('note-text'), { target: { value: text } });
    fireEvent.click(within(dialog).getByTestId('note-customer-visible'));
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe('备注已添加（客户可见）。');
  });

  it('releases the active hold of a sub-order (its interceptions give the id), then reloads', async () => {
    const held = twoSubOrders();
    const hold = {
      __typename: 'Interception' as const,
      id: '41',
      status: 'ACTIVE' as const,
      rule: 'QUANTITY_LIMIT' as const,
      reason: 'quantity 25 of SKU-2 above 20',
      raisedAt: '2024-03-01T01:06:00Z',
      subOrderNumber: SECOND_SUB_ORDER_NUMBER,
    };
    const settled = { ...hold, id: '40', status: 'RELEASED' as const };
    held.interceptions = [settled, hold];
    held.subOrders[1] = {
      ...held.subOrders[1]!,
      held: true,
      interceptions: [settled, hold],
      allowedActions: [{ __typename: 'AllowedAction', action: 'RELEASE', enabled: true, reasonCode: null }],
    };
    openOrder([
      orderQuery(held),
      {
        request: {
          query: ReleaseInterceptionDocument,
          variables: withInput({ interceptionId: '41', reason: '已核实' }),
        },
        result: {
          data: {
            releaseInterception: {
              __typename: 'ReleaseInterceptionPayload',
              order: { __typename: 'Order', id: 'o1', version: 8, held: false },
              interception: { __typename: 'Interception', id: '41', status: 'RELEASED' },
            },
          },
        },
      },
      orderQuery(twoSubOrders(8)),
    ]);
    const cards = await screen.findAllByTestId('suborder-card');
    fireEvent.click(within(cards[1]!).getByTestId('action-RELEASE'));
    const dialog = await screen.findByRole('dialog');
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toHaveProperty('checked', true);
    fireEvent.change(within(dialog).getByTestId('action-reason'), { target: { value: '已核实' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe(
      `超量购买（${SECOND_SUB_ORDER_NUMBER}）：已解除`,
    );
    await waitFor(() => expect(screen.getByText('版本 8', { selector: 'p' })).toBeTruthy());
  });

  it('re-drives a dead-lettered dispatch from its sub-order card, then shows the new dispatch state', async () => {
    const deadLettered = (dispatchState: 'DEAD_LETTER' | 'RETRYING', version: number) => {
      const order = twoSubOrders();
      order.subOrders[0] = {
        ...order.subOrders[0]!,
        allowedActions: [
          {
            __typename: 'AllowedAction',
            action: 'REDRIVE_DISPATCH',
            enabled: false,
            reasonCode: 'NOT_DEAD_LETTERED',
          },
        ],
      };
      order.subOrders[1] = {
        ...order.subOrders[1]!,
        status: 'CREATED',
        version,
        dispatchState,
        dispatchError: dispatchState === 'DEAD_LETTER' ? 'WH01 answered 503' : null,
        allowedActions: [
          {
            __typename: 'AllowedAction',
            action: 'REDRIVE_DISPATCH',
            enabled: dispatchState === 'DEAD_LETTER',
            reasonCode: dispatchState === 'DEAD_LETTER' ? null : 'NOT_DEAD_LETTERED',
          },
        ],
      };
      return order;
    };
    openOrder([
      orderQuery(deadLettered('DEAD_LETTER', 3)),
      {
        request: { query: RedriveDispatchDocument, variables: { subOrderNumber: SECOND_SUB_ORDER_NUMBER } },
        result: {
          data: {
            redriveDispatch: {
              __typename: 'SubOrder',
              id: 's2',
              version: 4,
              dispatchState: 'RETRYING',
              allowedActions: [
                {
                  __typename: 'AllowedAction',
                  action: 'REDRIVE_DISPATCH',
                  enabled: false,
                  reasonCode: 'NOT_DEAD_LETTERED',
                },
              ],
            },
          },
        },
      },
      orderQuery(deadLettered('RETRYING', 4)),
    ]);
    const cards = await screen.findAllByTestId('suborder-card');
    expect(within(cards[0]!).getByTestId('action-REDRIVE_DISPATCH')).toHaveProperty('disabled', true);
    fireEvent.mouseOver(within(cards[0]!).getByTestId('action-REDRIVE_DISPATCH-reason'));
    expect(await screen.findByRole('tooltip')).toHaveProperty('textContent', '下发没有失败，无需重新下发');
    expect(within(cards[1]!).getByLabelText('下发状态：下发失败，需运营处理')).toBeTruthy();

    fireEvent.click(within(cards[1]!).getByTestId('action-REDRIVE_DISPATCH'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe(`重新下发：子单 ${SECOND_SUB_ORDER_NUMBER}`);
    expect(within(dialog).getByTestId('redrive-error').textContent).toBe(
      '仓库最后一次的错误：WH01 answered 503',
    );
    expect(within(dialog).queryByTestId('action-reason')).toBeNull();
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    expect((await within(dialog).findByTestId('action-result')).textContent).toBe(
      '已重新排队下发，当前下发状态：重试中。',
    );
    await waitFor(() =>
      expect(
        within(screen.getAllByTestId('suborder-card')[1]!).getByLabelText('下发状态：重试中'),
      ).toBeTruthy(),
    );
    expect(
      within(screen.getAllByTestId('suborder-card')[1]!).getByTestId('action-REDRIVE_DISPATCH'),
    ).toHaveProperty('disabled', true);
  });
});
