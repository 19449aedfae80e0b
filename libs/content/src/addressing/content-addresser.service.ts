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

  /**
   * Signs a new manifest for a folder that is a published one with a few files changed (made by
   * `StorageRepository.linkTree`, then changed): the files named in `changed`, and any file the
   * previous manifest does not list, are addressed again; every other file keeps its entry from
   * `previous` (same path, same bytes: it is a hard link of the file that entry describes). Files
   * gone from the folder are no longer listed. Writes `manifest.json` into the folder.
   */
  async readdressFolder(
    dir: string,
    videoId: string,
    previous: SignedManifest | null,
    changed: ReadonlySet<string>,
  ): Promise<SignedManifest> {
    if (!previous || previous.videoId !== videoId) return this.addressFolder(dir, videoId);
    const known = new Map(previous.files.map((f) => [f.path, f]));
    const paths = (await this.storage.listFiles(dir, { recursive: true })).filter((p) => p !== MANIFEST_FILE);
    const files: ManifestFile[] = [];
    for (const path of paths) {
      const old = known.get(path);
      if (old && !changed.has(path) && (await this.storage.size(join(dir, ...path.split('/')))) === old.bytes) files.push(old);
      else files.push(await this.addressFile(dir, path));
    }
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
