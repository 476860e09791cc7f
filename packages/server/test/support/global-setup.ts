export { setupTestPostgres as default } from '../../src/testing/index.js';
