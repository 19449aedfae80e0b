import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { AppConfig } from '@wetube/platform';

/** One line of the origin's access log (JSON Lines). */
export interface OriginAccessEntry {
  /** When the response ended (ISO 8601). */
  time: string;
  ip: string;
  method: string;
  /** Request path without the query. */
  path: string;
  status: number;
  /** Body bytes sent: the whole body for 200/206, 0 for HEAD and 304; null when the client went away first. */
  bytes: number | null;
  ms: number;
}

type Sink = { write(line: string): unknown; flushSync?(): void; end?(): void };

/**
 * The HLS origin's access log: one JSON line per request under /hls/, written when the response
 * ends, through pino's asynchronous file destination (SonicBoom). `ORIGIN_ACCESS_LOG` names the
 * file (default `<DATA_DIR>/logs/origin-access.log`); `off` turns it off.
 */
@Injectable()
export class OriginAccessLog implements OnApplicationShutdown {
  private readonly sink: Sink | null;
  private readonly bodies = new WeakMap<ServerResponse, number>();
  readonly path: string | null;

  constructor(config: AppConfig) {
    this.path = config.originAccessLog;
    // SonicBoom makes the log's folder itself (`mkdir`): a log file is the logger's, not storage.
    this.sink = this.path ? pino.destination({ dest: this.path, sync: false, mkdir: true }) : null;
  }

  /** Logs the response once it ends (or its client goes away). */
  track(req: IncomingMessage, res: ServerResponse, path: string): void {
    const sink = this.sink;
    if (!sink) return;
    const started = performance.now();
    const ip = req.socket.remoteAddress ?? '';
    const method = req.method ?? '';
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const bodyless = method === 'HEAD' || res.statusCode === 304 || res.statusCode === 204;
      const length = this.bodies.get(res) ?? Number(res.getHeader('content-length') ?? 0);
      const entry: OriginAccessEntry = {
        time: new Date().toISOString(),
        ip,
        method,
        path,
        status: res.statusCode,
        bytes: !res.writableFinished ? null : bodyless ? 0 : length,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      sink.write(JSON.stringify(entry) + '\n');
    };
    res.on('finish', done);
    res.on('close', done);
  }

  /** The body length of a response answered with `writeHead(status, rawHeaders)` (not readable back). */
  body(res: ServerResponse, bytes: number): void {
    if (this.sink) this.bodies.set(res, bytes);
  }

  /** Writes out what is buffered (tests read the file while the api runs). */
  flush(): void {
    try {
      this.sink?.flushSync?.();
    } catch {
      /* not ready yet: nothing written */
    }
  }

  onApplicationShutdown(): void {
    this.flush();
    this.sink?.end?.();
  }
}
