export * from './roles/index.js';
export * from './transitions/index.js';
export * from './carriers/index.js';
export * from './privacy/index.js';
export * from './enums/index.js';
export * from './money/index.js';
export * from './order-number/index.js';
export * from './docs/index.js';
