export * from './enums.js';
export * from './regions.js';
