import type { IceServer } from './ice-servers';

/**
 * ICE servers as the seeder's WebRTC stack must be given them. webrtc-polyfill (1.2.2) hands
 * libdatachannel each TURN server as the URL `turn:<username>:<credential>@host:port?…` WITHOUT
 * encoding them; libdatachannel ends the username at the first ':' and percent-decodes both parts.
 * coturn's shared-secret usernames are `<expiry>:<user>` and the credential is base64 (`+`, `/`, `=`),
 * so as given, coturn sees the username `<expiry>` and refuses every allocation (401; seen in the
 * NAT lab: no relay candidate at all). Percent-encoded here, they arrive intact.
 * Browsers take `iceServersFor(...)` as it is; only node-datachannel peers need this.
 */
export function iceServersForLibdatachannel(servers: IceServer[]): IceServer[] {
  return servers.map((s) =>
    s.username === undefined && s.credential === undefined
      ? { urls: [...s.urls] }
      : { urls: [...s.urls], username: encodeURIComponent(s.username ?? ''), credential: encodeURIComponent(s.credential ?? '') },
  );
}
