import { createHash } from 'node:crypto';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
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
  ) {}

  async addressFolder(dir: string, videoId: string): Promise<SignedManifest> {
    const paths = (await listFiles(dir)).filter((p) => p !== MANIFEST_FILE);
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
    const target = join(dir, MANIFEST_FILE);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      await writeFile(temp, canonicalJson(manifest) + '\n');
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
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

/** Every regular file under `dir`, as `/`-separated relative paths. Anything else is an error. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (entry.isFile()) out.push(rel);
    else throw new Error(`content addressing: ${join(dir, rel)} is neither a file nor a folder`);
  }
  return out;
}
