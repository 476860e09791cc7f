export * from './carriers.js';
export * from './kuaidi100.js';
