import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, StorageRepository } from '@wetube/platform';
import { ChannelsService } from '../channels.service';
import { CHANNEL_IMAGE_SIZES, ChannelImageKind, processChannelImage } from './channel-image.processor';

/** A stored image file's name: `<user id>-<kind>-<random>-<width>.webp` (the key is all but the width). */
const FILE_NAME = /^([0-9a-f-]{36})-(avatar|banner)-([0-9a-f]{16})-(\d{2,4})\.webp$/;

/**
 * Channel avatars and banners: processed (channel-image.processor), written under
 * `<storage>/channel-images/` through StorageRepository with a fresh random key per upload (so a URL
 * never changes meaning and can be cached for good), the channel row pointed at the new key, and
 * the replaced files removed.
 */
@Injectable()
export class ChannelImagesService {
  private readonly log = new Logger('ChannelImages');

  constructor(
    private readonly storage: StorageRepository,
    private readonly channels: ChannelsService,
    private readonly config: AppConfig,
  ) {}

  private get dir(): string {
    return join(this.storage.root, 'channel-images');
  }

  /** Processes and stores an upload, then records it; answers the new key. Throws ChannelImageError for a refused file. */
  async upload(userId: string, kind: ChannelImageKind, input: Buffer): Promise<string> {
    const images = await processChannelImage(kind, input);
    const key = `${userId}-${kind}-${randomBytes(8).toString('hex')}`;
    await this.storage.makeDir(this.dir);
    for (const img of images) await this.storage.writeFileAtomic(join(this.dir, `${key}-${img.width}.webp`), img.bytes);
    let old: string | null;
    try {
      old = await this.channels.setImage(userId, kind, key);
    } catch (err) {
      await this.removeKey(kind, key);
      throw err;
    }
    if (old) await this.removeKey(kind, old);
    return key;
  }

  /** The bytes of a stored image file by its public name, or null (no such file, or not a name we make). */
  async read(fileName: string): Promise<Buffer | null> {
    if (!FILE_NAME.test(fileName)) return null;
    return this.storage.readFileIfExists(join(this.dir, fileName));
  }

  /** Public URLs of a key's renditions, keyed by width. */
  urls(kind: ChannelImageKind, key: string | null): Map<number, string> {
    const out = new Map<number, string>();
    if (!key) return out;
    for (const s of CHANNEL_IMAGE_SIZES[kind]) out.set(s.width, `${this.config.publicApiUrl}/api/channel-images/${key}-${s.width}.webp`);
    return out;
  }

  private async removeKey(kind: ChannelImageKind, key: string): Promise<void> {
    for (const s of CHANNEL_IMAGE_SIZES[kind]) {
      await this.storage
        .removeFile(join(this.dir, `${key}-${s.width}.webp`))
        .catch((err: Error) => this.log.warn(`could not remove ${key}: ${err.message}`));
    }
  }
}
