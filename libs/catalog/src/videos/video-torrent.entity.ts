import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint.transformer';

/** The swarm of one rendition of a video: a standard BitTorrent torrent with the origin as web seed. */
@Entity('video_torrents')
export class VideoTorrentEntity {
  /** 40 lower-case hex characters (BitTorrent v1). */
  @PrimaryColumn({ name: 'info_hash', type: 'varchar', length: 40 })
  infoHash: string;

  @Column({ name: 'video_id', type: 'varchar', length: 36 })
  videoId: string;

  /** Rendition folder: '720p', 'audio', … */
  @Column({ type: 'varchar', length: 32 })
  rendition: string;

  @Column({ name: 'magnet_uri', type: 'text' })
  magnetUri: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  bytes: number;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;
}
