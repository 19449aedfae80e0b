import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from './auction';
import { HOUR, lineItem, request } from './decision.fixtures';
import type { FrequencyCaps, ViewerImpression } from './decision.types';
import { eligible } from './eligibility';
import { seededRng } from './rng';

const NOW = new Date('2024-06-12T12:00:00Z');
const ago = (ms: number, sessionId = 'old', lineItemId = 'li-1'): ViewerImpression => ({
  lineItemId,
  at: new Date(NOW.getTime() - ms),
  sessionId,
});

function reason(caps: FrequencyCaps, impressions: ViewerImpression[]): string | null {
  const e = eligible(lineItem({ frequencyCaps: caps }), request({ now: NOW, sessionId: 's-1', viewerHistory: { impressions } }));
  return e.eligible ? null : e.reason;
}

describe('frequency caps, per viewer', () => {
  it('per hour: a rolling hour', () => {
    assert.equal(reason({ perHour: 2 }, [ago(10 * 60_000), ago(50 * 60_000)]), 'FREQ_HOUR');
    assert.equal(reason({ perHour: 2 }, [ago(10 * 60_000), ago(HOUR)]), null); // exactly an hour ago is outside
    assert.equal(reason({ perHour: 3 }, [ago(10 * 60_000), ago(50 * 60_000)]), null);
  });

  it('per day: a rolling 24 h, not the calendar day', () => {
    const yesterdayEvening = [ago(13 * HOUR), ago(20 * HOUR), ago(23 * HOUR)]; // all before today's UTC midnight
    assert.equal(reason({ perDay: 3 }, yesterdayEvening), 'FREQ_DAY');
    assert.equal(reason({ perDay: 3 }, [ago(13 * HOUR), ago(20 * HOUR), ago(24 * HOUR)]), null);
  });

  it('lifetime', () => {
    const old = [ago(30 * 24 * HOUR), ago(300 * 24 * HOUR)];
    assert.equal(reason({ lifetime: 2 }, old), 'FREQ_LIFETIME');
    assert.equal(reason({ lifetime: 3 }, old), null);
  });

  it('per stream counts this session only', () => {
    assert.equal(reason({ perStream: 1 }, [ago(5 * 60_000, 's-1')]), 'FREQ_STREAM');
    assert.equal(reason({ perStream: 1 }, [ago(5 * 60_000, 's-0')]), null);
  });

  it('caps count only this line item impressions', () => {
    assert.equal(reason({ perHour: 1, perDay: 1, lifetime: 1, perStream: 1 }, [ago(60_000, 's-1', 'li-other')]), null);
  });

  it('a cap of 0 means never; an unset cap means no cap', () => {
    assert.equal(reason({ lifetime: 0 }, []), 'FREQ_LIFETIME');
    assert.equal(
      reason(
        { perHour: null, perDay: undefined },
        Array.from({ length: 50 }, () => ago(60_000, 's-1')),
      ),
      null,
    );
  });

  it('per pod: one ad of a line item per pod by default, more when its cap allows', () => {
    const req = request({ now: NOW, podSize: 4 });
    const one = decide([lineItem()], req, seededRng(1));
    assert.deepEqual(
      one.ads.map((a) => a.lineItemId),
      ['li-1'],
    );
    const three = decide([lineItem({ frequencyCaps: { perPod: 3 } })], req, seededRng(1));
    assert.deepEqual(
      three.ads.map((a) => a.lineItemId),
      ['li-1', 'li-1', 'li-1'],
    );
    assert.equal(eligible(lineItem({ frequencyCaps: { perPod: 0 } }), req).eligible, false);
  });

  it('ads placed in the pod count against the viewer caps too', () => {
    // one impression in this stream already, per stream 3, per pod 5: only 2 more fit
    const req = request({ now: NOW, podSize: 5, viewerHistory: { impressions: [ago(60_000, 's-1')] } });
    const d = decide([lineItem({ frequencyCaps: { perStream: 3, perPod: 5 } })], req, seededRng(1));
    assert.equal(d.ads.length, 2);
    const h = decide([lineItem({ frequencyCaps: { perHour: 2, perPod: 5 } })], req, seededRng(1));
    assert.equal(h.ads.length, 1);
  });

  it('a second ad of the same line item in one pod shows another creative when there is one', () => {
    const creatives = ['a', 'b'].map((id) => ({ id, durationMs: 10_000, ready: true, approved: true }));
    const d = decide([lineItem({ creatives, frequencyCaps: { perPod: 2 } })], request({ podSize: 2 }), seededRng(3));
    assert.deepEqual(new Set(d.ads.map((a) => a.creativeId)), new Set(['a', 'b']));
  });
});

describe('frequency caps from counts the ad server made (viewerHistory.counts)', () => {
  const history = [ago(10 * 60_000, 's-1'), ago(2 * HOUR), ago(30 * HOUR)];
  const counted = (
    caps: FrequencyCaps,
    counts: Map<string, { lastHour: number; last24h: number; lifetime: number; thisStream: number }>,
  ) => {
    const e = eligible(
      lineItem({ frequencyCaps: caps }),
      request({ now: NOW, sessionId: 's-1', viewerHistory: { impressions: [], counts } }),
    );
    return e.eligible ? null : e.reason;
  };

  it('decide the same as the impressions they count', () => {
    const counts = new Map([['li-1', { lastHour: 1, last24h: 2, lifetime: 3, thisStream: 1 }]]);
    for (const caps of [
      { perHour: 1 },
      { perHour: 2 },
      { perDay: 2 },
      { perDay: 3 },
      { lifetime: 3 },
      { lifetime: 4 },
      { perStream: 1 },
      { perStream: 2 },
    ] as FrequencyCaps[]) {
      assert.equal(counted(caps, counts), reason(caps, history), JSON.stringify(caps));
    }
  });

  it('win over impressions given alongside, in the auction too', () => {
    const capped = new Map([['li-1', { lastHour: 5, last24h: 5, lifetime: 5, thisStream: 0 }]]);
    const d = decide(
      [lineItem({ frequencyCaps: { perHour: 5 } })],
      request({ now: NOW, sessionId: 's-1', viewerHistory: { impressions: [], counts: capped } }),
      seededRng(1),
    );
    assert.deepEqual([d.ads.length, d.excluded.FREQ_HOUR], [0, 1]);
  });
});
