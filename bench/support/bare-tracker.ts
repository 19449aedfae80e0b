/**
 * bittorrent-tracker's own Server run bare, as the baseline of bench/tracker.bench.ts: WebSocket and
 * HTTP on one port, no filter, no rate limits, no database; `/stats.json` for the peer count.
 * Run: node dist/bench/support/bare-tracker.js <port>
 */
interface BareServer {
  on(event: 'listening' | 'warning' | 'error', cb: (err?: Error) => void): void;
  listen(port: number, host: string): void;
}

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? '0');
  const specifier = 'bittorrent-tracker';
  const { Server } = (await import(specifier)) as { Server: new (opts: object) => BareServer };
  const server = new Server({ udp: false, http: true, ws: true, stats: true, trustProxy: false });
  server.on('warning', () => undefined);
  server.on('error', (err) => console.error(`bare tracker error: ${err?.message}`));
  server.on('listening', () => console.log(`bare tracker listening on ${port}`));
  server.listen(port, '127.0.0.1');
}

void main();
