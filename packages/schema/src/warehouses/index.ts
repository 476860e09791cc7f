export * from './cut-off.js';
