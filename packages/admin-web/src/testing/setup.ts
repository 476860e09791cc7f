import { configure } from '@testing-library/react';

// Pages load their sections lazily; on a loaded 2-core CI machine the first import of a section can take longer than
// testing-library's default 1 s wait. The waits are bounds, not timings: a passing wait returns as soon as it can.
configure({ asyncUtilTimeout: 10_000 });
