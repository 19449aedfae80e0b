import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusBytes, formatStatusJson, formatStatusLine, type SeederStatus, StatusReporter } from '../src/status.line';

const status: SeederStatus = {
  swarms: 3,
  complete: 2,
  peers: 5,
  downloaded: 12_345_678,
  webSeedDownloaded: 10_000_000,
  uploaded: 4_500_000,
  downloadSpeed: 1234.6,
  uploadSpeed: 0,
  diskUsed: 22_100_000,
  diskMax: 10e9,
  receipts: 4,
  receiptedBytes: 7_340_032,
};

describe('status line', () => {
  it('formats bytes', () => {
    assert.equal(statusBytes(0), '0 B');
    assert.equal(statusBytes(999), '999 B');
    assert.equal(statusBytes(1000), '1.00 kB');
    assert.equal(statusBytes(12_345_678), '12.3 MB');
    assert.equal(statusBytes(10e9), '10.0 GB');
    assert.equal(statusBytes(123e9), '123 GB');
    assert.equal(statusBytes(-1), '?');
  });

  it('formats one human line with swarms, peers, bytes down/up, disk and receipts', () => {
    assert.equal(
      formatStatusLine(status),
      'swarms 3 (2 complete) | peers 5 | down 12.3 MB (web seed 10.0 MB) 1.23 kB/s | up 4.50 MB 0 B/s | disk 22.1 MB / 10.0 GB | receipts 4 (7.34 MB)',
    );
  });

  it('formats one JSON line', () => {
    const line = formatStatusJson(status, new Date('2025-01-02T03:04:05Z'));
    assert.ok(!line.includes('\n'));
    assert.deepEqual(JSON.parse(line), { at: '2025-01-02T03:04:05.000Z', ...status, downloadSpeed: 1235 });
  });

  it('rewrites one line on a TTY and appends JSON lines otherwise', () => {
    const tty: string[] = [];
    const r1 = new StatusReporter({ isTTY: true, write: (c) => tty.push(c) }, () => status, 60_000);
    r1.start();
    r1.log('joined x');
    r1.stop();
    assert.ok(tty[0].startsWith('\r\x1b[2Kswarms 3'));
    assert.deepEqual(tty.slice(1, 4), ['\r\x1b[2K', 'joined x\n', formatStatusLine(status)]);
    assert.equal(tty.at(-1), '\n');

    const pipe: string[] = [];
    const r2 = new StatusReporter(
      { isTTY: false, write: (c) => pipe.push(c) },
      () => status,
      60_000,
      undefined,
      () => new Date(0),
    );
    r2.start();
    r2.print();
    r2.stop();
    assert.equal(pipe.length, 2);
    for (const line of pipe) assert.equal(JSON.parse(line).swarms, 3);
  });
});
