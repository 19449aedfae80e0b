import { randomBytes } from 'node:crypto';
import { constants, createReadStream, openAsBlob } from 'node:fs';
import type { Stats } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Error codes of a path that is not (or no longer) there. */
const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'EISDIR']);

/** Facts of a file (size, mtime, inode, kind). */
export type FileStats = Stats;

/** A regular file read whole, or only its facts when it is bigger than asked. */
export interface FileRead {
  stat: Stats;
  /** null when the file is bigger than `maxBytes`. */
  body: Buffer | null;
}

/**
 * The one way to touch files (see docs/ARCHITECTURE.md, "Files: StorageRepository"): listing,
 * atomic write-and-rename, removal, stat, whole and streamed reads, and the storage folder's layout:
 *   uploads/<uploadId>        tus uploads in progress or waiting for transcode (+ .json info)
 *   originals/<videoId>       sources of transcoded videos
 *   tmp/<videoId>.<host>.<pid>.<rand>/  transcode output being written
 *   videos/<videoId>/         published outputs: only ever complete (moved in by rename)
 * Built without an AppConfig (tool repositories made by hand in tests) it works on given paths
 * only; the layout methods then throw. This is the seam an S3-compatible store plugs into.
 */
@Injectable()
export class StorageRepository {
  private readonly storageRoot: string | null;

  constructor(@Optional() config?: AppConfig) {
    this.storageRoot = config?.storageDir ?? null;
  }

  get root(): string {
    if (this.storageRoot === null) throw new Error('this StorageRepository has no storage folder (made without an AppConfig)');
    return this.storageRoot;
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

  /** Size in bytes; rejects when the file is not there. */
  async size(path: string): Promise<number> {
    return (await stat(path)).size;
  }

  /** Facts of a path (the caller checks isFile), or null when it is not there. */
  async stat(path: string): Promise<Stats | null> {
    try {
      return await stat(path);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  /**
   * Sorted `/`-separated paths of the regular files in `dir`, relative to it, or [] when `dir` does
   * not exist. Only the files directly in it, or with `recursive` every file under it, where
   * anything that is neither a file nor a folder (a link, a socket) is an error.
   */
  async listFiles(dir: string, options: { recursive?: boolean } = {}): Promise<string[]> {
    const out: string[] = [];
    const walk = async (prefix: string): Promise<void> => {
      const entries = await readdir(prefix ? join(dir, prefix) : dir, { withFileTypes: true }).catch((err) => {
        if (!prefix && isMissing(err)) return [];
        throw err;
      });
      for (const entry of entries) {
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isFile()) out.push(rel);
        else if (!options.recursive) continue;
        else if (entry.isDirectory()) await walk(rel);
        else throw new Error(`${join(dir, rel)} is neither a file nor a folder`);
      }
    };
    await walk('');
    return out.sort();
  }

  /** Creates a folder and its parents (nothing if it exists). */
  async makeDir(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
  }

  /** Writes a file, making its folder first. */
  async writeFile(path: string, bytes: Uint8Array | string): Promise<void> {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, bytes);
  }

  /**
   * Writes a file aside and renames it in: readers see the old file or the new one, never half of
   * one. `durable` fsyncs the bytes before the rename; `mode` sets the new file's permissions.
   */
  async writeFileAtomic(path: string, bytes: Uint8Array | string, options: { mode?: number; durable?: boolean } = {}): Promise<void> {
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'w', options.mode ?? 0o666);
      try {
        await handle.writeFile(bytes);
        if (options.durable) await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  /**
   * Makes `to` (a new or empty folder) a copy of the folder `from` made of hard links: the same files,
   * no bytes copied. For re-publishing a published folder with a few files changed: change them in
   * the copy only by replacing them (`writeFileAtomic`, `removeFile`, `removeDir`), never by writing
   * into them, which would change the published file too.
   */
  async linkTree(from: string, to: string): Promise<void> {
    await mkdir(to, { recursive: true });
    for (const rel of await this.listFiles(from, { recursive: true })) {
      const parts = rel.split('/');
      await mkdir(join(to, ...parts.slice(0, -1)), { recursive: true });
      await link(join(from, ...parts), join(to, ...parts));
    }
  }

  /** Creates a new file; rejects (EEXIST) when one is already there, never overwriting it. */
  async createFile(path: string, bytes: Uint8Array | string, options: { mode?: number } = {}): Promise<void> {
    await writeFile(path, bytes, { mode: options.mode ?? 0o666, flag: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL });
  }

  /** Renames a file or folder (same file system: atomic). */
  async move(from: string, to: string): Promise<void> {
    await rename(from, to);
  }

  readFile(path: string): Promise<Buffer> {
    return readFile(path);
  }

  readText(path: string): Promise<string> {
    return readFile(path, 'utf8');
  }

  /** The file's bytes, or null when there is no such file (ENOENT; other errors reject). */
  async readFileIfExists(path: string): Promise<Buffer | null> {
    return readFile(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
  }

  /** The file's text, or null when there is no such file (ENOENT; other errors reject). */
  async readTextIfExists(path: string): Promise<string | null> {
    return readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
  }

  /**
   * A regular file read whole with the facts it was read under (one open: size and body agree
   * unless it changes meanwhile), its facts only when bigger than `maxBytes`, null when it is not
   * there or not a file.
   */
  async readFileUpTo(path: string, maxBytes: number): Promise<FileRead | null> {
    let fh;
    try {
      fh = await open(path, 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    try {
      const st = await fh.stat();
      if (!st.isFile()) return null;
      if (st.size > maxBytes) return { stat: st, body: null };
      return { stat: st, body: await fh.readFile() };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    } finally {
      await fh.close();
    }
  }

  /** A stream of the file's bytes (an error event, e.g. ENOENT, when it cannot be opened). */
  openRead(path: string, options?: { highWaterMark?: number }): Readable {
    return createReadStream(path, options);
  }

  /** A lazy Blob of the file: nothing is opened until its bytes are read. */
  openBlob(path: string): Promise<Blob> {
    return openAsBlob(path);
  }

  async removeFile(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** A fresh private folder for one transcode attempt; named so a dead attempt can be found. */
  async createTempDir(videoId: string): Promise<string> {
    const dir = join(this.root, 'tmp', `${checkId(videoId)}.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}`);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /** Deletes a folder and everything in it (nothing if it does not exist). */
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

function isMissing(err: unknown): boolean {
  return MISSING_CODES.has((err as NodeJS.ErrnoException)?.code ?? '');
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
