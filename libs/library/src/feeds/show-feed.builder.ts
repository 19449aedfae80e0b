import { create } from 'xmlbuilder2';

export const ITUNES_NS = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
export const PODCAST_NS = 'https://podcastindex.org/namespace/1.0';
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const CHAPTERS_TYPE = 'application/json+chapters';
export const TRANSCRIPT_TYPE = 'text/vtt';

/** The channel of a show's feed. */
export interface FeedShow {
  title: string;
  description: string;
  /** The show's page on the web app. */
  link: string;
  /** This feed's own URL (atom:link rel=self). */
  feedUrl: string;
  language: string;
  author: string;
  category: string;
  subcategory: string | null;
  explicit: boolean;
  locked: boolean;
  /** podcast:guid (UUIDv5 of the feed URL). */
  guid: string;
  imageUrl: string | null;
  /** The newest change of the show or an episode. */
  lastBuildDate: Date;
}

/** One item of the feed. */
export interface FeedEpisode {
  /** Stable, never a URL: isPermaLink=false. */
  guid: string;
  title: string;
  description: string;
  link: string;
  pubDate: Date;
  enclosure: { url: string; length: number; type: string };
  durationSec: number;
  episode: number;
  imageUrl: string | null;
  chaptersUrl: string | null;
  transcript: { url: string; language: string } | null;
}

/** "1:02:03" / "02:03" for itunes:duration (HH:MM:SS, hours only when there are some). Pure. */
export function itunesDuration(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, built as a tree by xmlbuilder2 (which
 * escapes every text and attribute). Pure: the same show and episodes give the same bytes, so the
 * body's hash is a stable ETag.
 */
export function buildShowFeed(show: FeedShow, episodes: readonly FeedEpisode[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
    version: '2.0',
    'xmlns:itunes': ITUNES_NS,
    'xmlns:podcast': PODCAST_NS,
    'xmlns:atom': ATOM_NS,
  });
  const ch = root.ele('channel');
  ch.ele('title').txt(show.title);
  ch.ele('link').txt(show.link);
  ch.ele('description').txt(show.description || show.title);
  ch.ele('language').txt(show.language);
  ch.ele('lastBuildDate').txt(show.lastBuildDate.toUTCString());
  ch.ele('generator').txt('WeTube');
  ch.ele('atom:link', { href: show.feedUrl, rel: 'self', type: 'application/rss+xml' });
  if (show.imageUrl) {
    const img = ch.ele('image');
    img.ele('url').txt(show.imageUrl);
    img.ele('title').txt(show.title);
    img.ele('link').txt(show.link);
  }
  ch.ele('itunes:author').txt(show.author);
  if (show.imageUrl) ch.ele('itunes:image', { href: show.imageUrl });
  const cat = ch.ele('itunes:category', { text: show.category });
  if (show.subcategory) cat.ele('itunes:category', { text: show.subcategory });
  ch.ele('itunes:explicit').txt(show.explicit ? 'true' : 'false');
  ch.ele('itunes:type').txt('episodic');
  ch.ele('podcast:guid').txt(show.guid);
  ch.ele('podcast:locked').txt(show.locked ? 'yes' : 'no');
  for (const e of episodes) {
    const it = ch.ele('item');
    it.ele('title').txt(e.title);
    it.ele('link').txt(e.link);
    it.ele('description').txt(e.description || e.title);
    it.ele('guid', { isPermaLink: 'false' }).txt(e.guid);
    it.ele('pubDate').txt(e.pubDate.toUTCString());
    it.ele('enclosure', { url: e.enclosure.url, length: String(e.enclosure.length), type: e.enclosure.type });
    it.ele('itunes:duration').txt(itunesDuration(e.durationSec));
    it.ele('itunes:episode').txt(String(e.episode));
    it.ele('itunes:episodeType').txt('full');
    if (e.imageUrl) it.ele('itunes:image', { href: e.imageUrl });
    if (e.chaptersUrl) it.ele('podcast:chapters', { url: e.chaptersUrl, type: CHAPTERS_TYPE });
    if (e.transcript) it.ele('podcast:transcript', { url: e.transcript.url, type: TRANSCRIPT_TYPE, language: e.transcript.language });
  }
  return root.end({ prettyPrint: true });
}

/** The Podcasting 2.0 JSON chapters file (version 1.2.0) of an episode. Pure. */
export function buildChaptersJson(chapters: readonly { startSec: number; title: string }[]): string {
  return JSON.stringify({ version: '1.2.0', chapters: chapters.map((c) => ({ startTime: c.startSec, title: c.title })) }) + '\n';
}
