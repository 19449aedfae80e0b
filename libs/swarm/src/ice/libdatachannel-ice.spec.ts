import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { turnCredential } from './ice-servers';
import { iceServersForLibdatachannel } from './libdatachannel-ice';

describe('iceServersForLibdatachannel', () => {
  it('percent-encodes TURN usernames and credentials (":" and base64 "+/=" survive libdatachannel\'s URL parser), leaves STUN entries alone', () => {
    const cred = turnCredential('s3cret', 'session-1', 1_900_000_000);
    const out = iceServersForLibdatachannel([{ urls: ['stun:203.0.113.1:3478'] }, { urls: ['turn:203.0.113.1:3478?transport=udp'], ...cred }]);
    assert.deepEqual(out[0], { urls: ['stun:203.0.113.1:3478'] });
    assert.equal(out[1].username, '1900000000%3Asession-1');
    assert.ok(!/[:+/=]/.test(out[1].credential!), `no raw ':', '+', '/', '=' in ${out[1].credential}`);
    assert.equal(decodeURIComponent(out[1].credential!), cred.credential);
    assert.deepEqual(out[1].urls, ['turn:203.0.113.1:3478?transport=udp']);
  });
});
