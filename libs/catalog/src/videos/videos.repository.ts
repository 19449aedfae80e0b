import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Cursor } from './cursor';
import { VideoEntity } from './video.entity';
import { VideoStatus, Visibility } from './video.enums';

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/** What another lib (the ad server) reads of a video: who owns it, how it is described, how it plays. */
export type VideoFacts = Pick<
  VideoEntity,
  'id' | 'ownerId' | 'status' | 'tags' | 'category' | 'durationMs' | 'width' | 'height' | 'renditions' | 'kind'
>;

/** Ids per statement of a lookup by many ids (well under every driver's parameter limit). */
const IDS_PER_QUERY = 500;

/** Columns a query may filter a video listing on (all equal). */
export type VideoFilter = Partial<Pick<VideoEntity, 'ownerId' | 'status' | 'visibility'>>;

/** The videos table: every query on it. The rules (lifecycle, defaults) are in VideosService. */
@Injectable()
export class VideosRepository {
  constructor(@InjectRepository(VideoEntity) private readonly videos: Repository<VideoEntity>) {}

  findById(id: string): Promise<VideoEntity | null> {
    return this.videos.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<VideoEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.videos.findBy({ id: In([...ids]) });
  }

  findByUploadId(uploadId: string): Promise<VideoEntity | null> {
    return this.videos.findOneBy({ uploadId });
  }

  /** The listed (PUBLIC, READY) videos among `ids`, in no particular order; the others are left out. */
  findListedByIds(ids: string[]): Promise<VideoEntity[]> {
    return ids.length ? this.videos.findBy({ id: In(ids), status: VideoStatus.READY, visibility: Visibility.PUBLIC }) : Promise.resolve([]);
  }

  /** The facts of the videos among `ids` (any status), in no particular order; unknown ids are left out. */
  async findFacts(ids: string[]): Promise<VideoFacts[]> {
    const out: VideoFacts[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const rows = await this.videos.find({
        select: {
          id: true,
          ownerId: true,
          status: true,
          tags: true,
          category: true,
          durationMs: true,
          width: true,
          height: true,
          renditions: true,
          kind: true,
        },
        where: { id: In(ids.slice(i, i + IDS_PER_QUERY)) },
      });
      // Plain records (an entity would carry every other column as undefined).
      for (const { id, ownerId, status, tags, category, durationMs, width, height, renditions, kind } of rows) {
        out.push({ id, ownerId, status, tags, category, durationMs, width, height, renditions, kind });
      }
    }
    return out;
  }

  findByStatus(statuses: VideoStatus[]): Promise<VideoEntity[]> {
    return this.videos.findBy({ status: In(statuses) });
  }

  /** Inserts a new video row and returns it as an entity. */
  async insert(fields: VideoEntity): Promise<VideoEntity> {
    const video = this.videos.create(fields);
    await this.videos.insert(video);
    return video;
  }

  async update(id: string, changes: Partial<VideoEntity>): Promise<void> {
    await this.videos.update({ id }, changes);
  }

  /** Updates the video only while it has `status`; true when it did. */
  async updateIfStatus(id: string, status: VideoStatus, changes: Partial<VideoEntity>): Promise<boolean> {
    const r = await this.videos.update({ id, status }, changes);
    return (r.affected ?? 0) > 0;
  }

  /** Updates the video and counts one more transcode attempt (in the same statement). */
  async updateCountingAttempt(id: string, changes: Partial<VideoEntity>): Promise<void> {
    await this.videos
      .createQueryBuilder()
      .update()
      .set({ ...changes, attempts: () => 'attempts + 1' })
      .where('id = :id', { id })
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.videos.delete({ id });
  }

  /** Videos matching `where`, newest first (id breaks ties), `first` after the cursor, with the total count. */
  async page(where: VideoFilter, first: number, after: Cursor | null): Promise<Page<VideoEntity>> {
    const base = this.videos.createQueryBuilder('v');
    for (const [key, value] of Object.entries(where)) base.andWhere(`v.${key} = :${key}`, { [key]: value });
    const totalCount = await base.clone().getCount();
    const q = base
      .clone()
      .orderBy('v.createdAt', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .take(first + 1);
    if (after) {
      q.andWhere('(v.createdAt < :t OR (v.createdAt = :t AND v.id < :cid))', { t: after.createdAt, cid: after.id });
    }
    const rows = await q.getMany();
    return { items: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }
}
