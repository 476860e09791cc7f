// The test kit (`@oms/server/testing`): what the tests of the server and of packages built on it share, a real
// PostgreSQL with a migrated template, a fresh database per test file, the product on a real port, built entry
// points run as processes, and the checks and reads several test suites make. Never loaded by the product.
export { setupTestPostgres, type TestProjectLike } from './test-postgres.js';
export { TEMPLATE_DATABASE, adminUrlFor, databaseUrl } from './urls.js';
export { createTestDatabase, type TestDatabase } from './test-database.js';
export { loginAs, startTestServer, testConfig, type TestServer } from './test-server.js';
export { TEST_SECRETS } from './test-secrets.js';
export { outputContains, spawnScript, type ProductProcess } from './child-process.js';
export { findFreePort } from '../database/free-port.js';
export { AMOUNT_RULES, brokenAmountRules } from './amount-rules.js';
export { ORDER_DETAIL, ORDER_PAGE, QUEUE_PAGE } from './queries.js';
