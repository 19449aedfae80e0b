import { parseBytes } from '@wetube/platform';
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';

/** Which videos to seed: every public video, the newest N ("popular" until view counts exist), or named ids. */
export type VideoSelection = { kind: 'all' } | { kind: 'popular'; count: number } | { kind: 'ids'; ids: string[] };

export interface SeederCliOptions {
  apiUrl: string;
  selection: VideoSelection;
  maxDiskBytes: number;
  dir: string;
  /** Api bearer token: registers the seeder key with its account; without it the seeder seeds anonymously. */
  token?: string;
  /** The name the seeder registers under (default: the host name). */
  name: string;
  /** TCP port for BitTorrent peers; 0 = any free port. */
  port: number;
  /** Join WebSocket trackers and accept WebRTC peers (browsers). */
  webrtc: boolean;
  /** Local address node-datachannel binds for WebRTC (ICE host candidates); undefined = all interfaces. */
  rtcBindAddress?: string;
  /** Seconds between re-reading the video list (all/popular). */
  refreshSec: number;
  /** Milliseconds between redemption rounds (with --token). */
  redeemEveryMs: number;
  /** Seconds between status lines. */
  statusSec: number;
  /** Force one JSON line per status tick even on a TTY. */
  json: boolean;
  /** Detail lines, e.g. why a peer's receipt was refused (rate-limited). */
  verbose: boolean;
}

export type CliResult = { kind: 'run'; options: SeederCliOptions } | { kind: 'help'; text: string } | { kind: 'error'; message: string };

export const USAGE = `Usage: seeder --api <url> [options]

Joins the WebTorrent swarms of WeTube videos, fetches each rendition from the origin (web seed),
then seeds it to viewers over TCP and WebRTC. Only the platform's own tracker is used (no DHT,
no LSD, no uTP, no public STUN or trackers).

Options:
  --api <url>            the WeTube api, e.g. http://localhost:4000 (required)
  --videos <which>       all | popular | <id,id,...>            (default: popular)
                         popular = the newest public videos for now (no view counts yet)
  --count <n>            how many videos "popular" takes           (default: 20)
  --max-disk <size>      disk cap for held swarms, e.g. 500MB, 10GB, 2GiB (default: 10GB);
                         whole swarms least recently requested by peers are evicted first
  --dir <folder>         data folder: key, state, torrents, pieces (default: ./seeder-data)
  --token <bearer>       your account's api token: registers this seeder's key with the account
                         at start (listed in mySeeders, for payouts) and seeds your private or
                         unlisted videos too. Signing in gives one: POST <api>/api/auth/login
                         with {"email","password"} answers {"token"}. Without --token the seeder
                         seeds anonymously (receipts are kept either way)
  --name <text>          the name this seeder registers under     (default: this host's name)
  --port <n>             TCP port for peers, 0 = any free port      (default: 0)
  --no-webrtc            TCP peers only (no WebSocket tracker, no browsers)
  --rtc-bind <address>   local address for WebRTC candidates (default: all interfaces)
  --refresh <seconds>    re-read the video list every N seconds   (default: 600)
  --redeem-every <time>  with --token: redeem the kept receipts this often, e.g. 30s, 5m
                         (default: 30s); once more at exit. Without --token nothing is redeemed
  --status <seconds>     status interval                            (default: 5)
  --json                 one JSON status line per interval even on a terminal
  --verbose              detail lines, e.g. why a peer's receipt was refused
  -h, --help             this text
`;

/** "10GB" → 10_000_000_000, "1.5GiB" → 1610612736, "4096" → 4096. Throws with a message naming the accepted forms. */
export function parseSize(text: string): number {
  let bytes: number;
  try {
    bytes = parseBytes(text);
  } catch {
    throw new Error(`"${text}" is not a size; use a number with B, KB, MB, GB, TB (or KiB, MiB, GiB, TiB), e.g. 10GB`);
  }
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new Error(`"${text}" must be more than 0 bytes`);
  return bytes;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseSelection(text: string): VideoSelection {
  const t = text.trim();
  if (t === 'all') return { kind: 'all' };
  if (t === 'popular') return { kind: 'popular', count: 20 };
  const ids = t
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new Error(`"${text}" is empty; use all, popular or a comma-separated list of video ids`);
  const bad = ids.filter((id) => !UUID.test(id));
  if (bad.length) throw new Error(`"${bad[0]}" is not a video id; use all, popular or a comma-separated list of video ids`);
  return { kind: 'ids', ids: [...new Set(ids.map((id) => id.toLowerCase()))] };
}

function parseInteger(text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`"${text}" is not a whole number`);
  const n = Number(text);
  if (n < min || n > max) throw new Error(`${n} is out of range (${min}-${max})`);
  return n;
}

/** "30s", "5m", "1h", "1500ms", "45" (seconds) → milliseconds; 1 s to 24 h. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a duration; use e.g. 30s, 5m, 1h`);
  const ms = Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h']);
  if (ms < 1000 || ms > 86_400_000) throw new Error(`"${text}" is out of range (1s-24h)`);
  return ms;
}

function parseApiUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is not a URL; e.g. http://localhost:4000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${text}" must be an http or https URL`);
  return url.toString().replace(/\/+$/, '');
}

// C0/C1 control characters, DEL and line/paragraph separators (what the api refuses in a name).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function parseName(text: string): string {
  const name = text.trim();
  if (name === '') throw new Error('must not be empty');
  if (name.length > 80) throw new Error(`is ${name.length} characters long; use at most 80`);
  if (CONTROL.test(name)) throw new Error('must be one line of printable characters');
  return name;
}

function parseToken(text: string): string {
  const token = text.trim().replace(/^Bearer\s+/i, '');
  if (token === '' || /\s/.test(token)) throw new Error('must be the token from signing in (one word, no spaces)');
  return token;
}

/** The host name, cut to what the api accepts as a seeder name. */
function defaultName(): string {
  return hostname().trim().slice(0, 80) || 'seeder';
}

/** Parses the command line (without `node` and the script). Never throws: bad input gives `{kind: 'error'}` naming the flag. */
export function parseCli(argv: string[]): CliResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        api: { type: 'string' },
        videos: { type: 'string', default: 'popular' },
        count: { type: 'string', default: '20' },
        'max-disk': { type: 'string', default: '10GB' },
        dir: { type: 'string', default: './seeder-data' },
        token: { type: 'string' },
        name: { type: 'string' },
        port: { type: 'string', default: '0' },
        'no-webrtc': { type: 'boolean', default: false },
        'rtc-bind': { type: 'string' },
        refresh: { type: 'string', default: '600' },
        'redeem-every': { type: 'string', default: '30s' },
        status: { type: 'string', default: '5' },
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    return { kind: 'error', message: (err as Error).message };
  }
  if (values.help) return { kind: 'help', text: USAGE };

  const flag = <T>(name: string, parse: (s: string) => T): T => {
    try {
      return parse(String(values[name]));
    } catch (err) {
      throw new Error(`--${name}: ${(err as Error).message}`);
    }
  };
  try {
    if (values.api === undefined) throw new Error('--api is required, e.g. --api http://localhost:4000');
    const apiUrl = flag('api', parseApiUrl);
    let selection = flag('videos', parseSelection);
    const count = flag('count', (s) => parseInteger(s, 1, 10_000));
    if (selection.kind === 'popular') selection = { kind: 'popular', count };
    const rtcBind = values['rtc-bind'];
    if (rtcBind !== undefined && !/^[0-9a-fA-F.:]+$/.test(String(rtcBind)))
      throw new Error(`--rtc-bind: "${rtcBind}" is not an IP address`);
    const dir = String(values.dir);
    if (dir.trim() === '') throw new Error('--dir: must not be empty');
    return {
      kind: 'run',
      options: {
        apiUrl,
        selection,
        maxDiskBytes: flag('max-disk', parseSize),
        dir,
        token: values.token === undefined ? undefined : flag('token', parseToken),
        name: values.name === undefined ? defaultName() : flag('name', parseName),
        port: flag('port', (s) => parseInteger(s, 0, 65535)),
        webrtc: !values['no-webrtc'],
        rtcBindAddress: rtcBind === undefined ? undefined : String(rtcBind),
        refreshSec: flag('refresh', (s) => parseInteger(s, 10, 86_400)),
        redeemEveryMs: flag('redeem-every', parseDuration),
        statusSec: flag('status', (s) => parseInteger(s, 1, 3600)),
        json: Boolean(values.json),
        verbose: Boolean(values.verbose),
      },
    };
  } catch (err) {
    return { kind: 'error', message: (err as Error).message };
  }
}
