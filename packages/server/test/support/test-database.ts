import { inject } from 'vitest';
import { createTestDatabase as createOn, type TestDatabase } from '../../src/testing/index.js';

export type { TestDatabase };

/** A fresh, migrated database of this test file's own (src/testing/test-database.ts). */
export const createTestDatabase = (): Promise<TestDatabase> => createOn(inject('adminUrl'));
