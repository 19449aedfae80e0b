import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { editDistanceWithin, typoBudget } from './edit-distance';
import { PostgresSearch } from './search.postgres';
import { SqliteSearch } from './search.sqlite';
import { SearchCorrection, SearchDialect, SearchDocumentInfo, SearchFilters, SearchHits, SearchOrder, WordGroup } from './search.types';

/**
 * Counting every match of a broad word costs more than ranking the page: totals are counted up to
 * 1,001 (pages stop at 1,000 results; the GraphQL `search` says so). Exact below that.
 */
export const TOTAL_CAP = 1001;

/** Typo corrections tried per word (closest first, then the most common). */
const MAX_VARIANTS = 3;

/**
 * The search index, one class for both databases: the dialect (search.sqlite.ts: FTS5;
 * search.postgres.ts: tsvector + pg_trgm) holds the SQL, this holds what is common — which words
 * are prefixes (the last one, as typed so far: the typeahead convention), and typo tolerance: a
 * word that is not in the index (nor, for the last one, the start of an index term) is matched by
 * its closest index terms within its typo budget (1 edit for 4–7 letters, 2 from 8; none below).
 * A word that is in the index is taken as typed. The index holds listed items only (PUBLIC and
 * READY), so neither hits nor corrections can come from private or unlisted videos.
 */
@Injectable()
export class SearchRepository implements OnModuleInit {
  readonly dialect: SearchDialect;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.dialect = ds.options.type === 'postgres' ? new PostgresSearch(ds) : new SqliteSearch(ds);
  }

  async onModuleInit(): Promise<void> {
    await this.dialect.verify();
  }

  /** One page of hits, how many there are, and which words were matched through typo corrections. */
  async search(
    words: string[],
    filters: SearchFilters,
    order: SearchOrder,
    limit: number,
    offset: number,
  ): Promise<SearchHits & { corrections: SearchCorrection[] }> {
    const groups = await this.groups(words);
    const corrections = groups.filter((g) => g.variants.length > 0).map((g) => ({ word: g.word, matches: g.variants }));
    return { ...(await this.hits(groups, filters, order, limit, offset)), corrections };
  }

  /**
   * What the index row says about each of these videos that the video row does not: the channel
   * name and handle as indexed (the uploader's display name until channels exist; the handle NULL
   * until then). Videos no longer listed are absent.
   */
  async documents(videoIds: string[]): Promise<Map<string, SearchDocumentInfo>> {
    if (videoIds.length === 0) return new Map();
    const rows: { video_id: string; channel_name: string | null; channel_handle: string | null }[] = await this.ds
      .createQueryBuilder()
      .select('d.video_id', 'video_id')
      .addSelect('d.channel_name', 'channel_name')
      .addSelect('d.channel_handle', 'channel_handle')
      .from('search_documents', 'd')
      .where('d.video_id IN (:...ids)', { ids: videoIds })
      .getRawMany();
    return new Map(rows.map((r) => [r.video_id, { channelName: r.channel_name || null, channelHandle: r.channel_handle || null }]));
  }

  private async hits(groups: WordGroup[], filters: SearchFilters, order: SearchOrder, limit: number, offset: number): Promise<SearchHits> {
    if (order !== SearchOrder.RELEVANCE) return this.dialect.search({ groups, scope: 'all', filters, order, limit, offset });
    // Relevance in two tiers: items with a word in the title, tags or channel, ranked; then items
    // that match through their description only, ranked. A broad word ("music") then ranks a few
    // thousand field matches, not every description that mentions it.
    const top = await this.dialect.search({ groups, scope: 'fields', filters, order, limit, offset });
    const total = await this.dialect.count(groups, filters, TOTAL_CAP);
    if (top.ids.length >= limit || top.total >= total) return { ids: top.ids, total };
    const rest = await this.dialect.search({
      groups,
      scope: 'rest',
      filters,
      order,
      limit: limit - top.ids.length,
      offset: Math.max(0, offset - top.total),
    });
    return { ids: [...top.ids, ...rest.ids], total };
  }

  async suggest(words: string[], limit: number): Promise<string[]> {
    const groups = await this.groups(words);
    const seen = new Set<string>();
    for (const title of await this.dialect.suggestTitles(groups, limit)) {
      if (seen.size >= limit) break;
      seen.add(title);
    }
    return [...seen];
  }

  /** The words as index groups: prefix on the last one (2 letters or more), typo corrections where a word is unknown. */
  async groups(words: string[]): Promise<WordGroup[]> {
    const asked = words.map((word, i) => ({ word, prefix: i === words.length - 1 && [...word].length >= 2 }));
    const known = await this.dialect.known(asked);
    return Promise.all(asked.map(async (a, i) => ({ ...a, variants: known[i] ? [] : await this.corrections(a.word) })));
  }

  private async corrections(word: string): Promise<string[]> {
    const max = typoBudget(word);
    if (max === 0) return [];
    const found: { term: string; docs: number; d: number }[] = [];
    for (const c of await this.dialect.candidates(word, max)) {
      const d = editDistanceWithin(word, c.term, max);
      if (d <= max && c.term !== word) found.push({ ...c, d });
    }
    found.sort((a, b) => a.d - b.d || b.docs - a.docs || (a.term < b.term ? -1 : 1));
    return found.slice(0, MAX_VARIANTS).map((f) => f.term);
  }
}
