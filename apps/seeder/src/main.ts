#!/usr/bin/env node
import { parseCli, USAGE } from './cli';
import { SeederService } from './seeder.service';
import { StatusReporter } from './status.line';

async function main(): Promise<number> {
  const parsed = parseCli(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`seeder: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const o = parsed.options;
  let reporter: StatusReporter | undefined;
  const log = (m: string) => (reporter ? reporter.log(m) : process.stderr.write(m + '\n'));
  const seeder = new SeederService({
    apiUrl: o.apiUrl,
    selection: o.selection,
    maxDiskBytes: o.maxDiskBytes,
    dir: o.dir,
    token: o.token,
    name: o.name,
    port: o.port,
    webrtc: o.webrtc,
    rtcBindAddress: o.rtcBindAddress,
    refreshMs: o.refreshSec * 1000,
    redeemEveryMs: o.redeemEveryMs,
    log,
    debug: o.verbose ? log : undefined,
  });

  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    stopping ??= (async () => {
      log(`${signal}: stopping`);
      reporter?.stop();
      await seeder.stop();
    })().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`seeder: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  await seeder.start(); // logs the identity and registers it (with --token) first, then joins the swarms
  process.stderr.write(`listening for peers on TCP port ${seeder.port}; data in ${o.dir}\n`);
  reporter = new StatusReporter(process.stdout, () => seeder.status(), o.statusSec * 1000, o.json || !process.stdout.isTTY);
  reporter.start();
  // Keep the process alive (the service's own timers are unref'd).
  setInterval(() => undefined, 1 << 30);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    process.stderr.write(`seeder: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
