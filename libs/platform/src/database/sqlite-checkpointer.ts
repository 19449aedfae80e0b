import { Worker } from 'node:worker_threads';

/** How often the background thread checkpoints the WAL. */
const CHECKPOINT_EVERY_MS = 1000;

// The worker's own code: a second connection to the same file that copies the WAL into the
// database (PASSIVE: never waits for, nor blocks, the main connection's readers and writer).
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
let stopped = false;
const tick = () => {
  if (stopped) return;
  try {
    // Opened at the first tick that finds the file (the app creates it and turns WAL on).
    if (!db) {
      db = new Database(workerData.path, { fileMustExist: true, timeout: 0 });
      db.pragma('busy_timeout = 0');
    }
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // No file yet, SQLITE_BUSY and friends: the next tick tries again.
  }
  setTimeout(tick, workerData.everyMs);
};
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  stopped = true;
  try { if (db) db.close(); } catch {}
  parentPort.postMessage('stopped');
});
setTimeout(tick, workerData.everyMs);
`;

/**
 * SQLite's write-ahead log is copied into the database file by checkpoints; by default the
 * connection that commits does it (every 1000 pages), synchronously, fsync included, which stops
 * the event loop for tens to hundreds of milliseconds under a steady write load (seen in
 * bench/ads as p99 spikes). The api's connection turns automatic checkpoints off
 * (`wal_autocheckpoint = 0`, see dataSourceOptions) and this worker thread checkpoints every second
 * on its own connection instead. `journal_size_limit` keeps the WAL file from staying large.
 */
export class SqliteCheckpointer {
  private worker: Worker | null;

  constructor(path: string, everyMs = CHECKPOINT_EVERY_MS) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, everyMs, driver: require.resolve('better-sqlite3') } });
    this.worker.unref();
    this.worker.on('error', () => undefined); // a failed checkpointer leaves the WAL to grow until the next start
  }

  /** Stops the thread and closes its connection. */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void w.terminate().then(() => resolve()), 2000);
      w.once('message', () => {
        clearTimeout(timer);
        void w.terminate().then(() => resolve());
      });
      w.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      w.postMessage('stop');
    });
  }
}
