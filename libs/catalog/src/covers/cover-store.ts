import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, StorageRepository, processPicture } from '@wetube/platform';
import { COVER_SPECS, type CoverKind } from './cover.specs';
import { coverUrl } from './cover-url';

/** A stored cover's public file name: `<video or playlist id>-<random>.jpg` (the key is the name without `.jpg`). */
const FILE_NAME = /^([0-9a-f-]{36}-[0-9a-f]{16})\.jpg$/;

/**
 * Uploaded covers, thumbnails and artwork: processed (processPicture with the kind's COVER_SPECS),
 * written under `<storage>/covers/` through StorageRepository with a fresh random key per upload
 * (so a URL never changes meaning and can be cached for good). The caller records the key on its
 * row and then removes the replaced one.
 */
@Injectable()
export class CoverStore {
  private readonly log = new Logger('Covers');

  constructor(
    private readonly storage: StorageRepository,
    private readonly config: AppConfig,
  ) {}

  private get dir(): string {
    return join(this.storage.root, 'covers');
  }

  /** Processes and stores an upload for the item `ownerId` (a video or playlist id); answers its key. Throws PictureError for a refused file. */
  async save(ownerId: string, kind: CoverKind, input: Buffer): Promise<string> {
    const [picture] = await processPicture(COVER_SPECS[kind], input);
    const key = `${ownerId}-${randomBytes(8).toString('hex')}`;
    await this.storage.makeDir(this.dir);
    await this.storage.writeFileAtomic(join(this.dir, `${key}.jpg`), picture.bytes);
    return key;
  }

  /** Removes a stored cover; a failure is logged, not thrown (the row no longer points at it). */
  async remove(key: string | null): Promise<void> {
    if (!key) return;
    await this.storage
      .removeFile(join(this.dir, `${key}.jpg`))
      .catch((err: Error) => this.log.warn(`could not remove cover ${key}: ${err.message}`));
  }

  /** The bytes of a stored cover by its public file name, or null (no such file, or not a name we make). */
  async read(fileName: string): Promise<Buffer | null> {
    if (!FILE_NAME.test(fileName)) return null;
    return this.storage.readFileIfExists(join(this.dir, fileName));
  }

  url(key: string): string {
    return coverUrl(this.config.publicApiUrl, key);
  }
}
