/** The seeder's status: one line on a terminal (rewritten in place), one JSON line otherwise. */
export interface SeederStatus {
  swarms: number;
  complete: number;
  peers: number;
  /** Bytes received since start (peers and web seed). */
  downloaded: number;
  /** Of which from the origin web seed. */
  webSeedDownloaded: number;
  uploaded: number;
  downloadSpeed: number;
  uploadSpeed: number;
  /** Bytes of verified pieces held on disk. */
  diskUsed: number;
  diskMax: number;
  /** Playback sessions with a kept (newest) receipt. */
  receipts: number;
  /** Bytes those receipts cover (sum of their cumulativeBytes). */
  receiptedBytes: number;
  /** With --token: what redeeming paid since start, in minor units (1 CLC = 1 000 000), and for how many segments. */
  earned?: string;
  earnedSegments?: number;
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '?';
  if (n < 1000) return `${Math.round(n)} B`;
  const units = ['kB', 'MB', 'GB', 'TB', 'PB'];
  let v = n;
  let i = -1;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[i]}`;
}

/** "1.500000 CLC" from minor units (1 CLC = 1 000 000). */
export function formatClc(minor: bigint | string): string {
  const v = BigInt(minor);
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, '0')} CLC`;
}

export function formatStatusLine(s: SeederStatus): string {
  const parts = [
    `swarms ${s.swarms} (${s.complete} complete)`,
    `peers ${s.peers}`,
    `down ${formatBytes(s.downloaded)} (web seed ${formatBytes(s.webSeedDownloaded)}) ${formatBytes(s.downloadSpeed)}/s`,
    `up ${formatBytes(s.uploaded)} ${formatBytes(s.uploadSpeed)}/s`,
    `disk ${formatBytes(s.diskUsed)} / ${formatBytes(s.diskMax)}`,
    `receipts ${s.receipts} (${formatBytes(s.receiptedBytes)})`,
  ];
  if (s.earned !== undefined) parts.push(`earned ${formatClc(s.earned)} (${s.earnedSegments ?? 0} segments)`);
  return parts.join(' | ');
}

export function formatStatusJson(s: SeederStatus, at: Date): string {
  return JSON.stringify({ at: at.toISOString(), ...s, downloadSpeed: Math.round(s.downloadSpeed), uploadSpeed: Math.round(s.uploadSpeed) });
}

export interface StatusSink {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/** Prints the status every `intervalMs`: rewrites one line on a TTY, appends JSON lines otherwise. */
export class StatusReporter {
  private timer?: NodeJS.Timeout;
  private wroteLine = false;

  constructor(
    private readonly out: StatusSink,
    private readonly read: () => SeederStatus,
    private readonly intervalMs: number,
    private readonly json = !out.isTTY,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.print();
    this.timer = setInterval(() => this.print(), this.intervalMs);
    this.timer.unref();
  }

  /** Prints a message without tearing the live status line. */
  log(message: string): void {
    if (!this.json && this.wroteLine) this.out.write('\r\x1b[2K');
    this.out.write(message + '\n');
    if (!this.json && this.wroteLine) this.out.write(formatStatusLine(this.read()));
  }

  print(): void {
    if (this.json) {
      this.out.write(formatStatusJson(this.read(), this.now()) + '\n');
    } else {
      this.out.write('\r\x1b[2K' + formatStatusLine(this.read()));
      this.wroteLine = true;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!this.json && this.wroteLine) this.out.write('\n');
    this.wroteLine = false;
  }
}
