// The start command: the product in demo mode unless OMS_DEMO says otherwise (api.md "Configuration").
process.env.OMS_DEMO ??= 'on';
await import('./seed/demo-main.js');
