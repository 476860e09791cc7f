export { setupTestPostgres as default } from '@oms/server/testing';
