import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@wetube/platform';

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The only class that touches the storage folder. Layout:
 *   uploads/<uploadId>        tus uploads in progress or waiting for transcode (+ .json info)
 *   originals/<videoId>       sources of transcoded videos
 *   tmp/<videoId>.<host>.<pid>.<rand>/  transcode output being written
 *   videos/<videoId>/         published outputs: only ever complete (moved in by rename)
 */
@Injectable()
export class StorageRepository {
  readonly root: string;

  constructor(config: AppConfig) {
    this.root = config.storageDir;
  }

  get uploadsDir(): string {
    return join(this.root, 'uploads');
  }

  async ensureLayout(): Promise<void> {
    for (const dir of ['uploads', 'originals', 'tmp', 'videos']) await mkdir(join(this.root, dir), { recursive: true });
  }

  uploadPath(uploadId: string): string {
    return join(this.uploadsDir, checkId(uploadId));
  }

  originalPath(videoId: string): string {
    return join(this.root, 'originals', checkId(videoId));
  }

  videoDir(videoId: string): string {
    return join(this.root, 'videos', checkId(videoId));
  }

  /** Absolute path of a file inside a published video, or null if the relative path escapes it. */
  videoFile(videoId: string, relative: string): string | null {
    if (!SAFE_ID.test(videoId)) return null;
    const dir = this.videoDir(videoId);
    const full = resolve(dir, relative);
    return full.startsWith(dir + sep) ? full : null;
  }

  async exists(path: string): Promise<boolean> {
    return stat(path).then(
      () => true,
      () => false,
    );
  }

  async size(path: string): Promise<number> {
    return (await stat(path)).size;
  }

  /** Names of the files directly in `dir` (sorted), or [] when it does not exist. */
  async listFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  }

  async writeFile(path: string, bytes: Uint8Array | string): Promise<void> {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, bytes);
  }

  readFile(path: string): Promise<Buffer> {
    return readFile(path);
  }

  openRead(path: string): NodeJS.ReadableStream {
    return createReadStream(path);
  }

  /** A fresh private folder for one transcode attempt; named so a dead attempt can be found. */
  async createTempDir(videoId: string): Promise<string> {
    const dir = join(this.root, 'tmp', `${checkId(videoId)}.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}`);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  async removeDir(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }

  /**
   * Moves a complete output folder into place with one rename, so readers see either the old
   * video, or the new one, never a half-written one.
   */
  async publish(tempDir: string, videoId: string): Promise<void> {
    const target = this.videoDir(videoId);
    await mkdir(join(this.root, 'videos'), { recursive: true });
    let trash: string | null = null;
    if (await this.exists(target)) {
      trash = join(this.root, 'tmp', `${videoId}.replaced.${randomBytes(4).toString('hex')}`);
      await rename(target, trash);
    }
    await rename(tempDir, target);
    if (trash) await this.removeDir(trash);
  }

  /** Keeps the source of a transcoded video (for re-transcodes) and forgets the tus upload. */
  async keepOriginal(uploadId: string, videoId: string): Promise<void> {
    const source = this.uploadPath(uploadId);
    if (await this.exists(source)) await rename(source, this.originalPath(videoId));
    await rm(`${source}.json`, { force: true });
  }

  async removeUpload(uploadId: string): Promise<void> {
    const path = this.uploadPath(uploadId);
    await rm(path, { force: true });
    await rm(`${path}.json`, { force: true });
  }

  async removeVideo(videoId: string, uploadId?: string | null): Promise<void> {
    await this.removeDir(this.videoDir(videoId));
    await rm(this.originalPath(videoId), { force: true });
    if (uploadId) await this.removeUpload(uploadId);
  }

  /**
   * Deletes temp folders left by transcode attempts of this host whose process is gone. Call it at
   * start, before this process begins any job (a folder with our own pid is then a previous life's).
   */
  async sweepDeadTempDirs(): Promise<string[]> {
    const tmp = join(this.root, 'tmp');
    const names = await readdir(tmp).catch(() => [] as string[]);
    const removed: string[] = [];
    for (const name of names) {
      const [, host, pid] = name.split('.');
      const replaced = name.split('.')[1] === 'replaced';
      if (replaced || (host === hostname() && (Number(pid) === process.pid || !isAlive(Number(pid))))) {
        await this.removeDir(join(tmp, name));
        removed.push(name);
      }
    }
    return removed;
  }
}

function checkId(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`unsafe storage id: ${JSON.stringify(id)}`);
  return id;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
