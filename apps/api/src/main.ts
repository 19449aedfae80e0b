import 'reflect-metadata';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { HlsOriginService, TusIngestService, UPLOADS_PATH } from '@wetube/catalog';
import { AppConfig, configFromEnvOrExit, createLogger, PinoNestLogger } from '@wetube/platform';
import { TrackerService } from '@wetube/swarm';
import { ApiModule } from './api.module';
import { corsFor, credentialsOnlyForAllowedOrigins } from './cors';

export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const logger = createLogger(config, 'api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
  });
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // The origin and tus answer before Nest's routing (and do their own CORS): fast and raw.
  app.use(app.get(HlsOriginService).middleware());
  const tus = app.get(TusIngestService);
  // tus sends Access-Control-Allow-Credentials to every origin: kept only for WEB_ORIGIN's.
  const tusCredentials = credentialsOnlyForAllowedOrigins(config);
  app.use((req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    if (!req.url?.startsWith(UPLOADS_PATH)) return next();
    tusCredentials(req, res);
    tus.handle(req, res).catch(next);
  });
  // The embedded tracker: WebSocket announces (browsers) on /tracker, HTTP announces on /tracker/announce.
  // Off when TRACKER_URLS names tracker processes (apps/tracker) and TRACKER_EMBEDDED is not set.
  if (config.trackerEmbedded) {
    const tracker = app.get(TrackerService);
    app.use(tracker.middleware());
    await tracker.attach(app.getHttpServer());
  }
  app.use(cookieParser());
  app.enableCors(corsFor(config));
  return app;
}

async function bootstrap(): Promise<void> {
  const config = configFromEnvOrExit();
  const app = await createApi(config);
  await app.listen(config.port, config.host);
  const db = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  new Logger('Api').log(
    `listening on ${config.publicApiUrl} (GraphQL ${config.publicApiUrl}/graphql; ${db}; ${config.redisUrl ? 'BullMQ' : 'in-process'} queue)`,
  );
}

if (require.main === module) void bootstrap();
