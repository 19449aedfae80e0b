'use client';

import { gql } from '@/lib/api';

/** What the swarm part needs of a video: its manifest (path → sha256) and one torrent per rendition. */
export interface SwarmInfo {
  rendition: string;
  infoHash: string;
  magnetUri: string;
  torrentUrl: string;
}

export interface ContentIndex {
  /** Relative path (`720p/seg_00001.m4s`) → lowercase hex sha256. */
  sha256: Map<string, string>;
  /** Relative path → CID (for receipts). */
  cid: Map<string, string>;
  swarms: SwarmInfo[];
}

const QUERY = `query Swarms($id: ID!) { video(id: $id) { id manifestUrl swarms { rendition infoHash magnetUri torrentUrl } } }`;

interface ManifestJson {
  videoId: string;
  files: { path: string; sha256: string; cid: string; bytes: number }[];
}

export async function loadContentIndex(videoId: string, signal?: AbortSignal): Promise<ContentIndex> {
  const data = await gql<{ video: { manifestUrl: string | null; swarms: SwarmInfo[] | null } | null }>(QUERY, { id: videoId });
  const video = data.video;
  if (!video?.manifestUrl || !video.swarms?.length) throw new Error('this video has no swarms');
  const res = await fetch(video.manifestUrl, { credentials: 'include', signal });
  if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
  const manifest = (await res.json()) as ManifestJson;
  if (manifest.videoId !== videoId || !Array.isArray(manifest.files)) throw new Error('manifest.json is not this video’s');
  const sha256 = new Map<string, string>();
  const cid = new Map<string, string>();
  for (const f of manifest.files) {
    sha256.set(f.path, f.sha256.toLowerCase());
    cid.set(f.path, f.cid);
  }
  return { sha256, cid, swarms: video.swarms };
}

export async function digestHex(algorithm: 'SHA-256' | 'SHA-1', bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest(algorithm, bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of d) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** True when the bytes are exactly what the manifest lists for this path. */
export async function matchesManifest(index: ContentIndex, path: string, bytes: Uint8Array): Promise<boolean> {
  const want = index.sha256.get(path);
  return !!want && (await digestHex('SHA-256', bytes)) === want;
}
