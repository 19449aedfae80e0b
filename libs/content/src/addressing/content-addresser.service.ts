import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { StorageRepository } from '@wetube/platform';
import { IpfsRepository } from './ipfs.repository';
import { buildManifest, canonicalJson, ManifestFile, signManifest, SignedManifest } from './manifest';
import { OriginKeyRepository } from './origin-key.repository';

export const MANIFEST_FILE = 'manifest.json';

/** Files addressed at the same time (each is one streamed read: sha256, size and CID together). */
const CONCURRENCY = 4;

/**
 * Content addressing of a finished transcode output folder: every file gets its CID (added to the
 * embedded IPFS node, and Kubo when configured), sha256 and size; the signed list is written to
 * `manifest.json` in the folder. Call it on the temp folder before the atomic publish, so a
 * published video always has its manifest.
 */
@Injectable()
export class ContentAddresser {
  constructor(
    private readonly ipfs: IpfsRepository,
    private readonly originKey: OriginKeyRepository,
    private readonly storage: StorageRepository,
  ) {}

  async addressFolder(dir: string, videoId: string): Promise<SignedManifest> {
    if (!(await this.storage.stat(dir))?.isDirectory()) throw new Error(`content addressing: ${dir} is not a folder`);
    const paths = (await this.storage.listFiles(dir, { recursive: true })).filter((p) => p !== MANIFEST_FILE);
    const files: ManifestFile[] = new Array(paths.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < paths.length) {
        const i = next++;
        files[i] = await this.addressFile(dir, paths[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
    const manifest = signManifest(buildManifest({ videoId, files }), this.originKey);
    await this.storage.writeFileAtomic(join(dir, MANIFEST_FILE), canonicalJson(manifest) + '\n');
    return manifest;
  }

  private async addressFile(dir: string, path: string): Promise<ManifestFile> {
    const hash = createHash('sha256');
    let bytes = 0;
    const cid = await this.ipfs.addFile(join(dir, ...path.split('/')), {
      onChunk: (chunk) => {
        hash.update(chunk);
        bytes += chunk.byteLength;
      },
    });
    return { path, cid, sha256: hash.digest('hex'), bytes };
  }
}
