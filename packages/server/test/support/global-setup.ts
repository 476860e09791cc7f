declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
  }
}

export { setupTestPostgres as default } from '../../src/testing/index.js';
