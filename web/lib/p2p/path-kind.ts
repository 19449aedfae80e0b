/**
 * The kind of network path a WebRTC wire took, from the candidate types of its selected ICE pair:
 * `host` (same network), `srflx`/`prflx` (directly through NATs, found with STUN or by the checks
 * themselves), or `relay` (through the platform's TURN server). Pure: the page and the headless bench
 * viewers (node-datachannel's candidate types) share it.
 */
export type PathType = 'host' | 'srflx' | 'prflx' | 'relay';

/** relay when either end is a relay; else the reflexive kind when either end is one; else host. */
export function pathOf(local: string, remote: string): PathType {
  const types = [local, remote];
  if (types.includes('relay')) return 'relay';
  if (types.includes('srflx')) return 'srflx';
  if (types.includes('prflx')) return 'prflx';
  return 'host';
}
