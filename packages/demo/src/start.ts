// The start command (`pnpm start`): the product in demo mode unless OMS_DEMO says otherwise (README.md "Configuration").
// The default is set before anything reads the environment.
process.env.OMS_DEMO ??= 'on';
await import('./main.js');
