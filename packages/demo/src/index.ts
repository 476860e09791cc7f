// The demo as a library, for the bench: it builds its data set from the seed's stories and row definitions, so the
// bench's orders look like the demo's, under demo mode's configuration. The start command is dist/start.js.
export { DEMO_VALUES, loadStartConfig } from './demo-mode.js';
export { loadContext, seedDemoOrders, tellings } from './seed/orders/seed-orders.js';
export { SeedNumbers } from './seed/orders/numbers.js';
export { pickTime } from './seed/orders/clock.js';
export { TABLES, columnsOf, writeBlacklist } from './seed/orders/writer.js';
export { draftsOf, valuesOf } from './seed/orders/rows.js';
