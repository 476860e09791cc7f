export * from './screening.js';
