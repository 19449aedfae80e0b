import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localDayWindow, localTime } from './zoned-time';

const H = 3_600_000;
function span(w: { start: Date; end: Date }): number {
  return (w.end.getTime() - w.start.getTime()) / H;
}

describe('localDayWindow: the line item day (daily cap) as instants', () => {
  it('a plain day in UTC and in Tokyo', () => {
    const at = new Date('2024-06-12T20:00:00Z');
    assert.deepEqual(localDayWindow(at, 'UTC'), { start: new Date('2024-06-12T00:00:00Z'), end: new Date('2024-06-13T00:00:00Z') });
    // 05:00 on the 13th in Tokyo (UTC+9): that day began at 15:00Z on the 12th.
    assert.deepEqual(localDayWindow(at, 'Asia/Tokyo'), { start: new Date('2024-06-12T15:00:00Z'), end: new Date('2024-06-13T15:00:00Z') });
  });

  it('New York: 23 h on the spring-forward day, 25 h on the fall-back day, asked before and after the switch', () => {
    for (const at of ['2024-03-10T06:00:00Z', '2024-03-10T20:00:00Z']) {
      const w = localDayWindow(new Date(at), 'America/New_York');
      assert.equal(w.start.toISOString(), '2024-03-10T05:00:00.000Z'); // 00:00 EST
      assert.equal(w.end.toISOString(), '2024-03-11T04:00:00.000Z'); // 00:00 EDT
      assert.equal(span(w), 23);
    }
    for (const at of ['2024-11-03T05:00:00Z', '2024-11-03T22:00:00Z']) {
      const w = localDayWindow(new Date(at), 'America/New_York');
      assert.equal(w.start.toISOString(), '2024-11-03T04:00:00.000Z');
      assert.equal(w.end.toISOString(), '2024-11-04T05:00:00.000Z');
      assert.equal(span(w), 25);
    }
  });

  it('a zone whose midnight is skipped (Santiago, 2024-09-08 00:00 → 01:00) starts the day at the jump', () => {
    const w = localDayWindow(new Date('2024-09-08T15:00:00Z'), 'America/Santiago');
    assert.equal(w.start.toISOString(), '2024-09-08T04:00:00.000Z'); // 00:00 −04 = 01:00 −03
    assert.equal(localTime(w.start, 'America/Santiago')!.minuteOfDay, 60);
    assert.equal(span(w), 23);
  });

  it('an unknown zone is treated as UTC', () => {
    assert.deepEqual(
      localDayWindow(new Date('2024-06-12T20:00:00Z'), 'Nowhere/Else'),
      localDayWindow(new Date('2024-06-12T20:00:00Z'), 'UTC'),
    );
  });
});

describe('localTime: the per-minute shortcut reads what Intl reads', () => {
  const intl = (at: Date, zone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
        .formatToParts(at)
        .map((p) => [p.type, p.value]),
    );
    return { minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute), day: Number(parts.day), second: Number(parts.second) };
  };

  it('every second of the minutes around DST switches and in a half-hour zone, asked in order and at random', () => {
    const starts = [
      ['America/New_York', '2024-03-10T06:58:00Z'], // 01:58 EST → 03:00 EDT at 07:00Z
      ['America/New_York', '2024-11-03T05:58:00Z'], // 01:58 EDT → 01:00 EST at 06:00Z
      ['Asia/Kolkata', '2024-06-01T18:29:00Z'], // +05:30: local midnight at 18:30Z
    ] as const;
    for (const [zone, iso] of starts) {
      const base = Date.parse(iso);
      const times = Array.from({ length: 240 }, (_, i) => base + i * 1000 + (i % 7) * 97);
      for (const t of [...times, ...times.reverse()]) {
        const lt = localTime(new Date(t), zone)!;
        const want = intl(new Date(t), zone);
        assert.deepEqual(
          { minuteOfDay: lt.minuteOfDay, day: lt.day },
          { minuteOfDay: want.minuteOfDay, day: want.day },
          `${zone} ${new Date(t).toISOString()}`,
        );
        assert.equal(Math.floor((lt.wallMs % 60_000) / 1000), want.second, `${zone} ${new Date(t).toISOString()} seconds`);
      }
    }
  });
});
