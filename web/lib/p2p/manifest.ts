'use client';

import { gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { SwarmsQuery } from '@/lib/gql/graphql';
import { manifestSigningInput, type SignedManifest } from '@wetube/manifest-format';
import { fromBase64Url, WebCryptoEd25519Verifier } from '@wetube/receipts';

/** What the swarm part needs of a video: its manifest (path → sha256) and one torrent per rendition. */
export type SwarmInfo = NonNullable<NonNullable<SwarmsQuery['video']>['swarms']>[number];

export interface ContentIndex {
  /** Relative path (`720p/seg_00001.m4s`) → lowercase hex sha256. */
  sha256: Map<string, string>;
  /** Relative path → CID (for receipts). */
  cid: Map<string, string>;
  swarms: SwarmInfo[];
  /** The origin's public key: it signed manifest.json and certifies playback sessions. */
  originPublicKey: Uint8Array;
}

const QUERY = graphql(`
  query Swarms($id: ID!) {
    video(id: $id) {
      id
      manifestUrl
      swarms {
        rendition
        infoHash
        magnetUri
        torrentUrl
        trackerUrls
      }
    }
  }
`);

/** The origin's public key (the one that signs manifests and session certificates), from the api. */
export async function fetchOriginPublicKey(apiUrl: string): Promise<Uint8Array> {
  const res = await fetch(new URL('/.well-known/wetube-origin.json', apiUrl));
  if (!res.ok) throw new Error(`/.well-known/wetube-origin.json: HTTP ${res.status}`);
  const body = (await res.json()) as { publicKey?: string };
  if (typeof body.publicKey !== 'string') throw new Error('/.well-known/wetube-origin.json has no publicKey');
  return fromBase64Url(body.publicKey);
}

/** True when the manifest carries the origin's valid Ed25519 signature over its content. */
async function signedByOrigin(manifest: SignedManifest, originPublicKey: Uint8Array): Promise<boolean> {
  const sig = manifest.signature;
  if (!sig || sig.alg !== 'Ed25519' || typeof sig.value !== 'string') return false;
  try {
    return await new WebCryptoEd25519Verifier().verify(manifestSigningInput(manifest), fromBase64Url(sig.value), originPublicKey);
  } catch {
    return false;
  }
}

export async function loadContentIndex(videoId: string, signal?: AbortSignal): Promise<ContentIndex> {
  const data = await gql(QUERY, { id: videoId });
  const video = data.video;
  if (!video?.manifestUrl || !video.swarms?.length) throw new Error('this video has no swarms');
  const [res, originPublicKey] = await Promise.all([
    fetch(video.manifestUrl, { credentials: 'include', signal }),
    fetchOriginPublicKey(video.manifestUrl),
  ]);
  if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
  const manifest = (await res.json()) as SignedManifest;
  if (manifest.videoId !== videoId || !Array.isArray(manifest.files)) throw new Error('manifest.json is not this video’s');
  // Every segment from peers is checked against these hashes: they must be the origin's own.
  if (!(await signedByOrigin(manifest, originPublicKey))) throw new Error('manifest.json is not signed by the origin');
  const sha256 = new Map<string, string>();
  const cid = new Map<string, string>();
  for (const f of manifest.files) {
    sha256.set(f.path, f.sha256.toLowerCase());
    cid.set(f.path, f.cid);
  }
  return { sha256, cid, swarms: video.swarms, originPublicKey };
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
