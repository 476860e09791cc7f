export * from './accounts.js';
export * from './audit-actions.js';
