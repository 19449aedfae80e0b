import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BEACON_EVENTS, BeaconSigner } from './beacons';
import { classifyDevice, countryOf } from './device';

describe('beacon URLs', () => {
  const signer = new BeaconSigner(Buffer.from('k'.repeat(32)), 'https://api.example');
  const now = new Date('2026-01-01T00:00:00Z');
  const exp = Math.floor(now.getTime() / 1000) + 3600;

  it('one signed URL per event; each verifies only for its own impression, event and expiry', () => {
    const all = signer.all('imp-1', exp);
    assert.deepEqual(Object.keys(all), [...BEACON_EVENTS]);
    const u = new URL(all.impression);
    assert.equal(u.pathname, '/ads/beacon/imp-1/impression');
    const sig = u.searchParams.get('sig')!;
    assert.equal(signer.verify('imp-1', 'impression', String(exp), sig, now), 'ok');
    assert.equal(signer.verify('imp-2', 'impression', String(exp), sig, now), 'forged');
    assert.equal(signer.verify('imp-1', 'complete', String(exp), sig, now), 'forged');
    assert.equal(signer.verify('imp-1', 'impression', String(exp + 1), sig, now), 'forged');
    assert.equal(signer.verify('imp-1', 'impression', String(exp), undefined, now), 'forged');
    assert.equal(signer.verify('imp-1', 'impression', String(exp), sig, new Date((exp + 1) * 1000)), 'expired');
    assert.equal(
      new BeaconSigner(Buffer.from('x'.repeat(32)), 'https://api.example').verify('imp-1', 'impression', String(exp), sig, now),
      'forged',
      'another key',
    );
  });
});

describe('device and country', () => {
  it('classifies common User-Agents', () => {
    assert.equal(classifyDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120 Safari/537.36'), 'desktop');
    assert.equal(classifyDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148'), 'mobile');
    assert.equal(classifyDevice('Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile Safari/537.36'), 'mobile');
    assert.equal(classifyDevice('Mozilla/5.0 (Linux; Android 13; SM-X200) Chrome/120 Safari/537.36'), 'tablet');
    assert.equal(classifyDevice('Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X)'), 'tablet');
    assert.equal(classifyDevice('Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) SamsungBrowser/4.0 TV Safari/537.36'), 'tv');
    assert.equal(classifyDevice('Roku/DVP-9.10 (519.10E04111A)'), 'tv');
    assert.equal(classifyDevice(''), null);
    assert.equal(classifyDevice(undefined), null);
  });
  it('reads an alpha-2 country header', () => {
    assert.equal(countryOf('de'), 'DE');
    assert.equal(countryOf(['FR', 'DE']), 'FR');
    assert.equal(countryOf('Germany'), null);
    assert.equal(countryOf(undefined), null);
  });
});
