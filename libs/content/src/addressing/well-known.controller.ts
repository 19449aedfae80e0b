import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OriginKeyRepository } from './origin-key.repository';

export const WELL_KNOWN_ORIGIN_PATH = '/.well-known/wetube-origin.json';

export interface OriginKeyDocument {
  /** base64url (no padding) of the raw 32-byte ed25519 public key. */
  publicKey: string;
  jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  /** RFC 7638 thumbprint of `jwk`; manifests name it in `signature.keyId`. */
  keyId: string;
  algorithm: 'Ed25519';
}

/** Publishes the origin's manifest-signing public key, for anyone (CORS *) to verify manifests. */
@Controller('.well-known')
export class WellKnownController {
  constructor(private readonly originKey: OriginKeyRepository) {}

  @Get('wetube-origin.json')
  @Header('Cache-Control', 'public, max-age=3600')
  @Header('Access-Control-Allow-Origin', '*')
  origin(@Res({ passthrough: true }) res: Response): OriginKeyDocument {
    // The api's CORS middleware allows credentials for the web origin; with `*` that pair is invalid
    // for browsers, and this public document needs no credentials.
    res.removeHeader('Access-Control-Allow-Credentials');
    const jwk = this.originKey.publicJwk();
    return { publicKey: jwk.x, jwk, keyId: this.originKey.keyId(), algorithm: 'Ed25519' };
  }
}
