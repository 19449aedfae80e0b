'use client';

import { gql } from '@/lib/api';
import { graphql } from '@/lib/gql';
import type { StartMutation } from '@/lib/gql/graphql';

/**
 * A playback session: the origin-certified ephemeral Ed25519 key the viewer signs receipts with, and
 * what the api gave with it (tracker shard, STUN/TURN servers with credentials expiring with it,
 * whether the viewer's ad-free plan holds, the minor units held for its peers).
 */
export type PlaybackSession = NonNullable<StartMutation['playbackSession']['session']> & {
  /** The session key (private part not extractable). */
  keyPair: CryptoKeyPair;
  publicKey: Uint8Array;
};

const START = graphql(`
  mutation Start($input: StartPlaybackInput!) {
    playbackSession(input: $input) {
      session {
        sessionId
        certificate
        expiresAt
        masterUrl
        trackerUrls
        iceServers {
          urls
          username
          credential
        }
        adFree
        bandwidthBudget
      }
      userErrors {
        code
        message
      }
    }
  }
`);

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Makes a fresh Ed25519 key with WebCrypto and has the origin certify it for this video. */
export async function startPlaybackSession(videoId: string): Promise<PlaybackSession> {
  const keyPair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', keyPair.publicKey));
  const data = await gql(START, { input: { videoId, sessionPublicKey: base64url(publicKey) } });
  const { session, userErrors } = data.playbackSession;
  if (!session) throw new Error(`playbackSession refused: ${userErrors.map((e) => e.code).join(', ') || 'no session'}`);
  return { ...session, keyPair, publicKey };
}
