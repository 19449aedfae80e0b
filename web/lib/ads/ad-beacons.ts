/**
 * One served ad's tracking beacons (the signed URLs of the ad server's asset list, `X-WETUBE.beacons`):
 * each event fires at most once. Pure logic, no hls.js: the caller reports the ad's start, progress,
 * end and clicks. Compiled into the web bundle and, for its spec, by the root tsconfig.
 */

export const AD_BEACON_EVENTS = ['impression', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete', 'click'] as const;
export type AdBeaconEvent = (typeof AD_BEACON_EVENTS)[number];
/** An ad server that sends no URL for an event (an older one has no `click`) just gets no request. */
export type AdBeacons = Partial<Record<AdBeaconEvent, string>>;

const QUARTILES: [number, AdBeaconEvent][] = [
  [0.25, 'firstQuartile'],
  [0.5, 'midpoint'],
  [0.75, 'thirdQuartile'],
];
/** An ad counts as complete when it played to within this of its end (skip() also ends an asset). */
export const COMPLETE_SLACK_S = 0.5;

/** Fires a beacon; failures are ignored (the ad server answers 204 to everything anyway). */
export function fireBeacon(url: string | undefined): void {
  if (!url) return;
  try {
    // (`as`: Node's RequestInit, which the spec build sees, has no `cache`.)
    void fetch(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', keepalive: true, cache: 'no-store' } as RequestInit).catch(
      () => {},
    );
  } catch {
    /* ignored */
  }
}

export class AdBeaconTracker {
  private readonly fired = new Set<AdBeaconEvent>();
  private maxTime = 0;

  constructor(
    private readonly beacons: AdBeacons,
    private readonly send: (url: string | undefined) => void = fireBeacon,
  ) {}

  /** Fires `event` unless it already fired; true when it fired now. */
  fire(event: AdBeaconEvent): boolean {
    if (this.fired.has(event)) return false;
    this.fired.add(event);
    this.send(this.beacons[event]);
    return true;
  }

  /** The ad started playing: impression and start. */
  started(): void {
    this.fire('impression');
    this.fire('start');
  }

  /** The ad's playhead (seconds into the ad): the quartiles it passed. */
  progress(currentTime: number, duration: number): void {
    if (Number.isFinite(currentTime)) this.maxTime = Math.max(this.maxTime, currentTime);
    if (duration > 0) for (const [at, event] of QUARTILES) if (currentTime >= duration * at) this.fire(event);
  }

  /** The ad ended (or was left): complete only when it really reached its end. */
  ended(currentTime: number, duration: number): void {
    const reached = Math.max(this.maxTime, Number.isFinite(currentTime) ? currentTime : 0);
    if (duration > 0 && reached >= duration - COMPLETE_SLACK_S) {
      for (const [, event] of QUARTILES) this.fire(event);
      this.fire('complete');
    }
  }

  /** The viewer clicked through; true the first time only. */
  click(): boolean {
    return this.fire('click');
  }
}

/** `url` when it is an absolute http(s) URL (the only kind a click-through may open), else null. */
export function httpUrlOrNull(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
