export * from './statuses.js';
export * from './table.js';
export * from './guards.js';
export * from './engine.js';
export * from './actions.js';
