// Vitest setup file: every test process reads and writes personal data under the tests' key, as their servers do.
import { usePersonalDataKey } from '../../src/privacy/personal-data-cipher.js';
import { testConfig } from '../../src/testing/index.js';

usePersonalDataKey(testConfig().personalDataKey);
