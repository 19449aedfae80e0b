import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  canView,
  CaptionsService,
  coverUrl,
  MediaKind,
  parseChapters,
  posterUrlOf,
  VideoEntity,
  VideosService,
  VideoStatus,
} from '@wetube/catalog';
import { AppConfig } from '@wetube/platform';
import { ITEMS_MAX } from '../playlists/playlist.rules';
import { PlaylistsRepository } from '../playlists/playlists.repository';
import { podcastGuid } from '../playlists/show.rules';
import { showFeedUrl } from '../graphql/playlist.types';
import { buildChaptersJson, buildShowFeed, FeedEpisode } from './show-feed.builder';

/** A generated document with its validators. */
export interface FeedDocument {
  body: string;
  /** Strong ETag: the body's hash. */
  etag: string;
  lastModified: Date;
  contentType: string;
}

/** An episode as the feed may show it: READY, not PRIVATE, audio with its progressive enclosure. */
function isEpisode(v: VideoEntity | undefined): v is VideoEntity {
  return !!v && v.status === VideoStatus.READY && canView(v, null) && v.kind === MediaKind.AUDIO && !!v.audioMeta?.enclosure?.bytes;
}

function document(body: string, lastModified: Date, contentType: string): FeedDocument {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  // HTTP dates have whole seconds: If-Modified-Since compares at that precision.
  return { body, etag, lastModified: new Date(Math.floor(lastModified.getTime() / 1000) * 1000), contentType };
}

/**
 * A SHOW's RSS feed and its episodes' chapters files. A PRIVATE show, a playlist that is not a
 * show and an unknown id have no feed (null: 404). An UNLISTED show's feed is served to anyone
 * with its URL (the URL is the secret, as for its page); it is listed nowhere. Episodes are the
 * show's READY audio items that are not PRIVATE, in the show's order; the episode number is the
 * owner's explicit one, else the item's position + 1.
 */
@Injectable()
export class ShowFeedService {
  constructor(
    private readonly playlists: PlaylistsRepository,
    private readonly videos: VideosService,
    private readonly captions: CaptionsService,
    private readonly config: AppConfig,
  ) {}

  async feed(playlistId: string): Promise<FeedDocument | null> {
    const p = await this.playlists.findById(playlistId);
    if (!p || p.kind !== 'SHOW' || !p.show || p.visibility === 'PRIVATE') return null;
    const items = await this.playlists.items(p.id, ITEMS_MAX, -1);
    const videos = new Map((await this.videos.findByIds(items.map((i) => i.videoId))).map((v) => [v.id, v]));
    const listed = items.flatMap((item) => {
      const v = videos.get(item.videoId);
      return isEpisode(v) ? [{ item, video: v }] : [];
    });
    const tracks = await this.captions.tracksOf(listed.map((e) => e.video.id));
    const api = this.config.publicApiUrl;
    const web = this.config.webOrigins[0] ?? api;
    const hls = (id: string, file: string) => `${api}/hls/${id}/${file}`;
    let lastModified = p.updatedAt;
    const episodes: FeedEpisode[] = listed.map(({ item, video }) => {
      const durationSec = (video.durationMs ?? 0) / 1000;
      const vtt = (tracks.get(video.id) ?? []).sort(
        (a, b) => Number(b.language === p.show!.language) - Number(a.language === p.show!.language),
      )[0];
      for (const d of [video.updatedAt, item.addedAt, vtt?.updatedAt]) if (d && d > lastModified) lastModified = d;
      const enclosure = video.audioMeta!.enclosure!;
      return {
        guid: `wetube:video:${video.id}`,
        title: video.title,
        description: video.description,
        link: `${web}/watch/${video.id}`,
        pubDate: video.readyAt ?? video.createdAt,
        enclosure: { url: hls(video.id, enclosure.file), length: enclosure.bytes, type: enclosure.type },
        durationSec,
        episode: item.episodeNumber ?? item.position + 1,
        imageUrl: posterUrlOf(api, video),
        chaptersUrl: parseChapters(video.description, durationSec).length > 0 ? this.chaptersUrl(video.id) : null,
        transcript: vtt ? { url: vtt.url, language: vtt.language } : null,
      };
    });
    const feedUrl = showFeedUrl(api, p.id);
    const body = buildShowFeed(
      {
        title: p.title,
        description: p.description,
        link: `${web}/playlist?list=${p.id}`,
        feedUrl,
        language: p.show.language,
        author: p.show.author,
        category: p.show.category,
        subcategory: p.show.subcategory,
        explicit: p.show.explicit,
        locked: p.show.locked,
        guid: podcastGuid(feedUrl),
        imageUrl: p.coverKey ? coverUrl(api, p.coverKey) : (episodes[0]?.imageUrl ?? null),
        lastBuildDate: lastModified,
      },
      episodes,
    );
    return document(body, lastModified, 'application/rss+xml; charset=utf-8');
  }

  chaptersUrl(videoId: string): string {
    return `${this.config.publicApiUrl}/feeds/episodes/${videoId}/chapters.json`;
  }

  /** The Podcasting 2.0 chapters file of an item anyone may play (READY, not PRIVATE) whose description has chapters; else null. */
  async chapters(videoId: string): Promise<FeedDocument | null> {
    const v = await this.videos.findById(videoId);
    if (!v || v.status !== VideoStatus.READY || !canView(v, null)) return null;
    const chapters = parseChapters(v.description, (v.durationMs ?? 0) / 1000);
    if (chapters.length === 0) return null;
    return document(buildChaptersJson(chapters), v.updatedAt, 'application/json+chapters; charset=utf-8');
  }
}
