import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import { createLoaders } from '../api/loaders.js';
import type { RequestContext } from '../api/context.js';
import { buildApiSchema } from '../api/schema.js';
import type { Services } from '../services/index.js';
import { sessionCookie } from './cookies.js';
import { principalOf } from './principal.js';
import { logger } from '../logging/logger.js';
import { errorResponder, noteCaller, requestLogging } from './request-logging.js';
import { observeOperations } from './observe-operations.js';
import { formatError } from '../api/format-error.js';
import { countWebhookResults, createMetrics, metricsAccess } from './metrics.js';
import { graphqlLimits } from './limits.js';
import { apiKeyReadGuard } from './api-key-reads.js';
import { introspectionGuard } from './introspection.js';
import { readinessProbe, type Readiness } from './readiness.js';
import helmet from 'helmet';
import { wmsWebhook } from './webhooks/wms.webhook.js';
import { kuaidi100Webhook } from './webhooks/kuaidi100.webhook.js';
import { paymentsWebhook } from './webhooks/payments.webhook.js';

/** The running HTTP application and how to stop its GraphQL server. */
export interface App {
  readonly express: Express;
  readonly stop: () => Promise<void>;
}

/** Builds the one HTTP server: GraphQL at /graphql, health at /healthz and /readyz, the console at /. */
export async function createApp(
  db: DataSource,
  services: Services,
  config: Config,
  extraRoutes: readonly { path: string; router: express.Router }[] = [],
  readiness: Readiness = { draining: false },
): Promise<App> {
  const schema = await buildApiSchema();
  const metrics = createMetrics(db);
  const limits = graphqlLimits();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => formatError(formatted, error),
    plugins: [
      // Nothing here is cacheable by HTTP caches (staff data behind a session); the default cache-control plugin
      // would wrap every field's resolver to compute hints nobody reads.
      ApolloServerPluginCacheControlDisabled(),
      introspectionGuard(config.production),
      apiKeyReadGuard(),
      // graphql-armor types its plugins against the CJS build of @apollo/server; they are the same at run time.
      ...(limits.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
      observeOperations<RequestContext>(metrics),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  app.use(helmet());
  app.set('trust proxy', 'loopback');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', metricsAccess(config.metricsToken), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/readyz', readinessProbe(db, readiness));

  app.use('/webhooks', countWebhookResults(metrics));
  app.use('/webhooks/wms', wmsWebhook(db, services.wmsCallbacks));
  for (const { path, router } of extraRoutes) app.use(path, router);
  app.use('/webhooks/carriers/kuaidi100', kuaidi100Webhook(config.kuaidi100Salt, services.carrierPushes));
  app.use('/webhooks/payments', paymentsWebhook(db, services.refunds));

  app.use(
    '/graphql',
    express.json({ limit: '512kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => ({
        db,
        config,
        services,
        loaders: createLoaders(db),
        principal: noteCaller(await principalOf(req, services)),
        requestId: String(req.id),
        address: req.ip ?? null,
        setSessionCookie: (token, expiresAt) => {
          res.append('Set-Cookie', sessionCookie(token, expiresAt, req.secure || config.production));
        },
      }),
    }),
  );

  if (existsSync(join(config.consoleDir, 'index.html'))) {
    app.use(express.static(config.consoleDir, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET is the console's index page.
    app.get(/^(?!\/graphql|\/webhooks|\/healthz|\/readyz|\/metrics).*/, (_req, res) => {
      res.sendFile(join(config.consoleDir, 'index.html'));
    });
  }

  app.use(errorResponder);

  return { express: app, stop: () => apollo.stop() };
}
