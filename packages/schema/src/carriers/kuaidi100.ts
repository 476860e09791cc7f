import type { LogisticsNode } from '../transitions/statuses.js';

/** How one Kuaidi100 `state` code reads in our model. */
export interface Kuaidi100StateMapping {
  readonly code: string;
  /** Kuaidi100's own name for the code. */
  readonly label: string;
  readonly node: LogisticsNode;
  /** Shown on the customer's tracking page; internal problem codes are for ops only. */
  readonly customerVisible: boolean;
}

function state(
  code: string,
  label: string,
  node: LogisticsNode,
  customerVisible = true,
): Kuaidi100StateMapping {
  return { code, label, node, customerVisible };
}

/**
 * Every `state` code Kuaidi100 pushes: the basic codes and the finer ones of its advanced mode, which belong to a
 * basic code's family (1xx → 1, 10xx → 0, 2xx → 2, 3xx → 3, 4xx → 4, 5xx → 5, 6xx → 6, 10–13 → 8). A finer code
 * maps like its family except where noted. 疑难 (problem) codes stay internal: the carrier is still working on it
 * and the customer page would only alarm.
 */
export const KUAIDI100_STATES: readonly Kuaidi100StateMapping[] = [
  state('0', '在途', 'IN_TRANSIT'),
  state('1001', '到达派件城市', 'IN_TRANSIT'),
  state('1002', '干线', 'IN_TRANSIT'),
  state('1003', '转递', 'IN_TRANSIT'),
  state('1', '揽收', 'COLLECTED'),
  state('101', '已下单', 'COLLECTED'),
  state('102', '待揽收', 'COLLECTED'),
  state('103', '已揽收', 'COLLECTED'),
  state('2', '疑难', 'EXCEPTION', false),
  state('201', '超时未签收', 'EXCEPTION', false),
  state('202', '超时未更新', 'EXCEPTION', false),
  // 203 is a refusal the carrier has not yet settled: still a problem, the parcel is not rejected until 14.
  state('203', '拒收', 'EXCEPTION', false),
  state('204', '派件异常', 'EXCEPTION', false),
  state('205', '柜或驿站超时未取', 'EXCEPTION', false),
  state('206', '无法联系', 'EXCEPTION', false),
  state('207', '超区', 'EXCEPTION', false),
  state('208', '滞留', 'EXCEPTION', false),
  state('209', '破损', 'EXCEPTION', false),
  state('210', '销单', 'EXCEPTION', false),
  state('3', '签收', 'SIGNED'),
  state('301', '本人签收', 'SIGNED'),
  state('302', '派件异常后签收', 'SIGNED'),
  state('303', '代签', 'SIGNED'),
  state('304', '投柜或站签收', 'SIGNED'),
  state('4', '退签', 'RETURN_SIGNED'),
  state('401', '已销单', 'RETURN_SIGNED'),
  state('5', '派件', 'OUT_FOR_DELIVERY'),
  state('501', '投柜或驿站', 'OUT_FOR_DELIVERY'),
  state('6', '退回', 'RETURNING'),
  // 转投: handed to another carrier or branch; the parcel is still on its way.
  state('7', '转投', 'IN_TRANSIT'),
  state('8', '清关', 'IN_TRANSIT'),
  state('10', '待清关', 'IN_TRANSIT'),
  state('11', '清关中', 'IN_TRANSIT'),
  state('12', '已清关', 'IN_TRANSIT'),
  state('13', '清关异常', 'EXCEPTION', false),
  state('14', '拒签', 'REJECTED'),
];

const BY_CODE = new Map(KUAIDI100_STATES.map((s) => [s.code, s]));

/**
 * The mapping of a Kuaidi100 `state` code (string or number, as pushed), or undefined for a code we do not know;
 * the caller stores the raw code either way.
 */
export function mapKuaidi100State(code: string | number): Kuaidi100StateMapping | undefined {
  return BY_CODE.get(String(code).trim());
}
