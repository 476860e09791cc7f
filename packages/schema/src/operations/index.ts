export * from './console-operations.js';
