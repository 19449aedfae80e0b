import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, ConfigModule } from '@wetube/platform';
import { ContentModule } from '../content.module';
import { OriginKeyRepository } from './origin-key.repository';

@Module({})
class NoopModule {}

describe('GET /.well-known/wetube-origin.json', () => {
  let dir: string;
  let app: NestExpressApplication;
  let url: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wetube-well-known-'));
    const config = AppConfig.fromEnv({ NODE_ENV: 'test', DATA_DIR: dir, WEB_ORIGIN: 'http://web.test' });
    app = await NestFactory.create<NestExpressApplication>(
      { module: NoopModule, imports: [ConfigModule.forRoot(config), ContentModule] },
      { logger: false },
    );
    app.enableCors({ origin: config.webOrigins, credentials: true }); // as the api does
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/.well-known/wetube-origin.json`;
  });
  after(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes the origin public key (raw and JWK), its keyId and algorithm', async () => {
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=3600');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const body = (await res.json()) as Record<string, unknown>;
    const key = app.get(OriginKeyRepository);
    const x = key.publicKeyRaw().toString('base64url');
    assert.deepEqual(body, { publicKey: x, jwk: { kty: 'OKP', crv: 'Ed25519', x }, keyId: key.keyId(), algorithm: 'Ed25519' });
    assert.equal(Buffer.from(body.publicKey as string, 'base64url').length, 32);
  });

  it('answers any origin with *, never with credentials (also the web origin the api allows)', async () => {
    for (const origin of ['http://web.test', 'https://elsewhere.example']) {
      const res = await fetch(url, { headers: { Origin: origin } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', origin);
      assert.equal(res.headers.get('access-control-allow-credentials'), null, origin);
    }
  });
});
