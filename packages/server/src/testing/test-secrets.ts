import { createHash } from 'node:crypto';

/**
 * The secrets the product refuses to start without outside demo mode (README.md "Configuration"), as the tests give
 * them: explicit values of their own, public like everything in the repository and used nowhere else. The tests'
 * servers (in process and as processes) and their own reads of personal data all use these.
 */
export const TEST_SECRETS = {
  OMS_ORDER_NUMBER_SECRET: 'oms-test-order-number-secret',
  OMS_PERSONAL_DATA_KEY: createHash('sha256')
    .update('oms test personal-data key: not a secret')
    .digest('hex'),
  OMS_KUAIDI100_SALT: 'oms-test-kuaidi100-salt',
  OMS_METRICS_TOKEN: 'oms-test-metrics-token',
  OMS_ADMIN_PASSWORD: 'oms-test-admin-password',
} as const;
