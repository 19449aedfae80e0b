import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Cursor } from './cursor';
import { VideoEntity } from './video.entity';
import { VideoStatus } from './video.enums';

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Columns a query may filter a video listing on (all equal). */
export type VideoFilter = Partial<Pick<VideoEntity, 'ownerId' | 'status' | 'visibility'>>;

/** The videos table: every query on it. The rules (lifecycle, defaults) are in VideosService. */
@Injectable()
export class VideosRepository {
  constructor(@InjectRepository(VideoEntity) private readonly videos: Repository<VideoEntity>) {}

  findById(id: string): Promise<VideoEntity | null> {
    return this.videos.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<VideoEntity[]> {
    return this.videos.findBy({ id: In(ids) });
  }

  findByUploadId(uploadId: string): Promise<VideoEntity | null> {
    return this.videos.findOneBy({ uploadId });
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
