import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, configFromEnvOrExit, createLogger, PinoNestLogger, RateLimiterFactory } from '@wetube/platform';
import { TrackerService } from '@wetube/swarm';
import { TrackerModule } from './tracker.module';

export interface TrackerProcess {
  app: INestApplicationContext;
  server: http.Server;
  /** ws://host:port/tracker as this process listens (not the public URL). */
  url: string;
  close(): Promise<void>;
}

/**
 * One tracker process on its own port: WebSocket announces on /tracker, HTTP announces on
 * /tracker/announce (scrape: /tracker/scrape), `GET /health` → `{status, torrents, peers, limits}`.
 */
export async function startTracker(config: AppConfig): Promise<TrackerProcess> {
  const app = await NestFactory.createApplicationContext(TrackerModule.forRoot(config), {
    logger: new PinoNestLogger(createLogger(config, 'tracker')),
  });
  const tracker = app.get(TrackerService);
  const limits = app.get(RateLimiterFactory);
  const server = http.createServer((req, res) => {
    if (tracker.handleHttp(req, res)) return;
    if (req.url === '/health' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok', ...tracker.stats(), limits: limits.store }));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: this is a tracker (WebSocket /tracker, HTTP /tracker/announce)');
  });
  server.keepAliveTimeout = 65_000;
  await tracker.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.trackerProcess.port, config.trackerProcess.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.trackerProcess.host === '0.0.0.0' ? '127.0.0.1' : config.trackerProcess.host;
  return {
    app,
    server,
    url: `ws://${host}:${port}/tracker`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

async function bootstrap(): Promise<void> {
  const config = configFromEnvOrExit();
  const proc = await startTracker(config);
  const db = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  new Logger('Tracker').log(`tracker ${process.pid} listening on ${proc.url} (${db}; limits in ${config.redisUrl ? 'Redis' : 'memory'})`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    new Logger('Tracker').log(`${signal}: closing`);
    proc.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) void bootstrap();
