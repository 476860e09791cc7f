import { createHash } from 'node:crypto';
import { API_KEY_SCOPES, type StaffRole } from '@oms/schema';

/** The demo staff accounts of docs/api.md; created only in demo mode. */
export const DEMO_LOGINS: readonly {
  username: string;
  password: string;
  role: StaffRole;
  displayName: string;
}[] = [
  { username: 'agent', password: 'agent123', role: 'AGENT', displayName: '客服 王晓燕' },
  { username: 'ops', password: 'ops123', role: 'OPS', displayName: '运营 李建国' },
  { username: 'manager', password: 'manager123', role: 'MANAGER', displayName: '主管 陈静' },
  { username: 'admin', password: 'admin123', role: 'ADMIN', displayName: '管理员 张伟' },
];

/** The demo integration key (docs/api.md): every integration scope. */
export const DEMO_API_KEY = {
  name: 'demo storefront',
  key: 'demo-storefront-key',
  scopes: [...API_KEY_SCOPES],
};

/** The demo warehouses' shared webhook secret and the demo Kuaidi100 salt (docs/api.md). */
export const DEMO_WMS_SECRET = 'demo-wms-secret';
export const DEMO_KUAIDI100_SALT = 'demo-kuaidi100-salt';
/** The secret of every demo payment channel, both ways: refunds to it and its answers (docs/api.md "Demo mode"). */
export const DEMO_PAYMENT_SECRET = 'demo-payment-secret';

/**
 * The demo's order-number key and personal-data key: public like every demo secret, used only in demo mode (outside
 * it the product refuses to start without keys of its own). Their values are the ones demo databases were seeded with
 * before demo mode brought them itself, so those databases still read.
 */
export const DEMO_ORDER_NUMBER_SECRET = 'oms-demo-order-number-secret';
export const DEMO_PERSONAL_DATA_KEY = createHash('sha256')
  .update('oms development personal-data key: not a secret')
  .digest('hex');
