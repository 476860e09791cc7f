export * from './roles/index.js';
export * from './transitions/index.js';
export * from './carriers/index.js';
export * from './privacy/index.js';
export * from './docs/index.js';
