import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { CorsOptions, CorsOptionsDelegate } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { AppConfig } from '@wetube/platform';

const ACAC = 'access-control-allow-credentials';

/**
 * The api's CORS (the `cors` package's per-request form): a request from one of WEB_ORIGIN's origins
 * gets its origin back with `Access-Control-Allow-Credentials: true`; any other origin gets neither
 * header (the browser then keeps the answer from the page).
 */
export function corsFor(config: AppConfig): CorsOptionsDelegate<IncomingMessage> {
  const allowed = new Set(config.webOrigins);
  return (req, callback) => {
    const origin = req.headers.origin;
    const options: CorsOptions =
      origin && allowed.has(origin) ? { origin, credentials: true, exposedHeaders: ['Wetube-Video-Id'] } : { origin: false };
    callback(null, options);
  };
}

/**
 * For handlers that set their own CORS headers (tus): takes `Access-Control-Allow-Credentials` out
 * of the answer to a request whose Origin is not an allowed one (or that has none).
 */
export function credentialsOnlyForAllowedOrigins(config: AppConfig): (req: IncomingMessage, res: ServerResponse) => void {
  const allowed = new Set(config.webOrigins);
  return (req, res) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) return;
    const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      this.removeHeader(ACAC);
      return writeHead.apply(this, args.map(withoutCredentials));
    } as typeof res.writeHead;
  };
}

function withoutCredentials(arg: unknown): unknown {
  if (Array.isArray(arg)) {
    if (arg.length > 0 && Array.isArray(arg[0])) return (arg as [string, unknown][]).filter(([k]) => String(k).toLowerCase() !== ACAC);
    const out: unknown[] = [];
    for (let i = 0; i + 1 < arg.length; i += 2) if (String(arg[i]).toLowerCase() !== ACAC) out.push(arg[i], arg[i + 1]);
    return out;
  }
  if (arg && typeof arg === 'object') {
    return Object.fromEntries(Object.entries(arg as OutgoingHttpHeaders).filter(([k]) => k.toLowerCase() !== ACAC));
  }
  return arg;
}
