import { formatBytes, formatClc } from '@wetube/platform';

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

/**
 * Bytes on the status line: the platform's one formatBytes (1000-based, SI units) with three
 * significant digits, zeros kept, so the line keeps its width as it is rewritten in place.
 */
export function statusBytes(n: number): string {
  return formatBytes(n, { digits: 'fixed' });
}

/** CLC on the status line: the platform's one formatClc, all six decimals shown and no grouping ("1.500000 CLC"). */
export function statusClc(minor: bigint | string): string {
  return formatClc(minor, { fixed: true, grouping: false });
}

export function formatStatusLine(s: SeederStatus): string {
  const parts = [
    `swarms ${s.swarms} (${s.complete} complete)`,
    `peers ${s.peers}`,
    `down ${statusBytes(s.downloaded)} (web seed ${statusBytes(s.webSeedDownloaded)}) ${statusBytes(s.downloadSpeed)}/s`,
    `up ${statusBytes(s.uploaded)} ${statusBytes(s.uploadSpeed)}/s`,
    `disk ${statusBytes(s.diskUsed)} / ${statusBytes(s.diskMax)}`,
    `receipts ${s.receipts} (${statusBytes(s.receiptedBytes)})`,
  ];
  if (s.earned !== undefined) parts.push(`earned ${statusClc(s.earned)} (${s.earnedSegments ?? 0} segments)`);
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
