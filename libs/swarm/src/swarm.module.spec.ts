import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { NodeEd25519Verifier, SwarmModule, TorrentBuilder, TrackerService } from './index';

describe('SwarmModule', () => {
  it('provides TorrentBuilder, TrackerService and the Node verifier from forRootAsync', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SwarmModule.forRootAsync({ useFactory: () => ({ isKnownInfoHash: async () => false }) })],
    }).compile();
    assert.ok(moduleRef.get(TorrentBuilder) instanceof TorrentBuilder);
    assert.ok(moduleRef.get(TrackerService) instanceof TrackerService);
    assert.ok(moduleRef.get(NodeEd25519Verifier) instanceof NodeEd25519Verifier);
    await moduleRef.close();
  });
});
