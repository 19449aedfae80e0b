import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A tiny HTTP proxy (plain requests, CONNECT tunnels for WebSockets, upgrades) that makes every
 * connection to the platform from a given loopback source address, so each browser context of the
 * bench reaches the api and the tracker as a viewer with an IP of its own, as real viewers do (the
 * tracker rate-limits announces per IP). Only the platform's host is served: the destination
 * `<platformHost>:<port>` is reached at 127.0.0.1:<port> (the platform listens on 0.0.0.0), from
 * `sourceAddress` (127.0.0.0/8 is all local). WebRTC is not proxied: it stays direct between the pages.
 */
export interface SourceProxy {
  url: string;
  sourceAddress: string;
  close(): Promise<void>;
}

export async function startSourceProxy(platformHost: string, sourceAddress: string): Promise<SourceProxy> {
  const agent = new Agent({ keepAlive: true, localAddress: sourceAddress });
  const sockets = new Set<Socket | Duplex>();
  const track = (s: Socket | Duplex) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const target = (hostPort: string): { port: number } | null => {
    const i = hostPort.lastIndexOf(':');
    const host = hostPort.slice(0, i).replace(/^\[|\]$/g, '');
    const port = Number(hostPort.slice(i + 1));
    return host === platformHost && port > 0 ? { port } : null;
  };
  const tunnel = (hostPort: string, client: Duplex, head: Buffer, reply: string | null) => {
    const t = target(hostPort);
    if (!t) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: t.port, localAddress: sourceAddress }, () => {
      if (reply) client.write(reply);
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    return upstream;
  };

  const server: Server = createServer((req, res) => {
    let u: URL;
    try {
      u = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const t = target(u.host.includes(':') ? u.host : `${u.hostname}:80`);
    if (!t) {
      res.writeHead(403).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const up = httpRequest(
      { host: '127.0.0.1', port: t.port, path: `${u.pathname}${u.search}`, method: req.method, headers, agent },
      (r: IncomingMessage) => {
        res.writeHead(r.statusCode ?? 502, r.statusMessage, r.rawHeaders);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', track);
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) =>
    tunnel(req.url ?? '', client, head, 'HTTP/1.1 200 Connection Established\r\n\r\n'),
  );
  server.on('upgrade', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    // A WebSocket sent to the proxy in absolute form (Chromium normally tunnels with CONNECT instead).
    let u: URL;
    try {
      u = new URL(req.url ?? '');
    } catch {
      client.destroy();
      return;
    }
    const raw = [`${req.method} ${u.pathname}${u.search} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      if (!/^proxy-/i.test(req.rawHeaders[i])) raw.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    const upstream = tunnel(u.host.includes(':') ? u.host : `${u.hostname}:80`, client, Buffer.alloc(0), null);
    upstream?.write(raw.join('\r\n') + '\r\n\r\n');
    if (head.length) upstream?.write(head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sourceAddress,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
