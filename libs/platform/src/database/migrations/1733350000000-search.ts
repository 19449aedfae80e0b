import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search (catalog's libs/catalog/src/search). One row of `search_documents` per LISTED
 * item — a PUBLIC, READY video — kept by triggers in the same statement (so the same transaction)
 * as the write to `videos` or to the uploader's `users.display_name`: an edit that makes a video
 * private, a failed re-transcode or a delete takes it out of the index at once. `channel_name` is
 * the uploader's display name until channels exist; `channel_handle` waits for them (NULL now);
 * `kind` is 'VIDEO' until audio items arrive (issue 14).
 *
 * SQLite: an FTS5 index (unicode61, diacritics folded, prefix indexes of 2 and 3 characters) over an
 * external-content table, kept in step by the classic FTS5 triggers; `search_state.version` moves
 * with every indexed change (the repository's typo vocabulary cache keys on it).
 * PostgreSQL: a generated, weighted `tsvector` ('simple' configuration: no stemming, so prefixes
 * and typos work on the words as written) with a GIN index; `search_terms` counts the documents of
 * every lexeme (a trigger on search_documents) and carries a pg_trgm GIN index for typo candidates
 * (terms of trigram similarity 0.2 or more). When pg_trgm cannot be created here (no contrib package, no
 * rights) the migration goes on without that index and the repository falls back to candidates of
 * the same first letter (see search.postgres.ts).
 *
 * SQLITE CAUTION: TypeORM alters a SQLite table by re-creating it, which drops its triggers. A later
 * migration that alters `videos` or `users` on SQLite must re-run `installSqliteSearchTriggers(q)`
 * afterwards; the search repository refuses to start when they are missing.
 */
export class Search1733350000000 implements MigrationInterface {
  name = 'Search1733350000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') await upPostgres(q);
    else await upSqlite(q);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      for (const t of ['search_video_ins', 'search_video_upd', 'search_video_del']) await q.query(`DROP TRIGGER IF EXISTS ${t} ON videos`);
      await q.query('DROP TRIGGER IF EXISTS search_user_upd ON users');
      await q.query('DROP TABLE IF EXISTS search_documents');
      await q.query('DROP TABLE IF EXISTS search_terms');
      for (const f of ['search_sync_video()', 'search_sync_user()', 'search_count_terms()', 'search_tags_text(text)'])
        await q.query(`DROP FUNCTION IF EXISTS ${f}`);
      return; // pg_trgm stays: other things may use it, and dropping an extension needs rights we may not have
    }
    for (const t of SQLITE_TRIGGER_NAMES) await q.query(`DROP TRIGGER IF EXISTS ${t}`);
    for (const t of ['search_fts_ai', 'search_fts_ad', 'search_fts_au']) await q.query(`DROP TRIGGER IF EXISTS ${t}`);
    await q.query('DROP TABLE IF EXISTS search_fts');
    await q.query('DROP TABLE IF EXISTS search_vocab');
    await q.query('DROP TABLE IF EXISTS search_documents');
    await q.query('DROP TABLE IF EXISTS search_state');
  }
}

/** The triggers on `videos` and `users` that keep the SQLite index; the repository checks they exist. */
export const SQLITE_TRIGGER_NAMES = ['search_video_ai', 'search_video_au', 'search_video_ad', 'search_user_au'];

/** SQLite: the tags column holds JSON text (`["a","b"]`); the index wants the words. */
const SQLITE_TAGS = (col: string) => `trim(replace(replace(replace(replace(${col}, '[', ' '), ']', ' '), '"', ' '), ',', ' '))`;

/**
 * The upsert the SQLite video triggers run. With the channels table (migration 1733400000000) it also
 * writes the owner's handle; once `videos.kind` exists (AudioItems1733450000000) it takes the row's kind.
 */
const sqliteUpsert = (hasKind: boolean, withChannels: boolean) => `
  INSERT INTO search_documents (video_id, kind, title, description, tags, channel_name, channel_handle, duration_ms, created_at)
  SELECT NEW.id, ${hasKind ? 'NEW.kind' : "'VIDEO'"}, NEW.title, NEW.description, ${SQLITE_TAGS('NEW.tags')}, (SELECT display_name FROM users WHERE id = NEW.owner_id),
    ${withChannels ? '(SELECT handle FROM channels WHERE user_id = NEW.owner_id)' : 'NULL'}, NEW.duration_ms, NEW.created_at
  WHERE NEW.status = 'READY' AND NEW.visibility = 'PUBLIC'
  ON CONFLICT (video_id) DO UPDATE SET ${hasKind ? 'kind = excluded.kind, ' : ''}title = excluded.title, description = excluded.description, tags = excluded.tags, channel_name = excluded.channel_name,
    ${withChannels ? 'channel_handle = excluded.channel_handle, ' : ''}duration_ms = excluded.duration_ms, created_at = excluded.created_at;`;

/**
 * (Re)creates the triggers on `videos` and `users`; idempotent. For migrations that re-create those
 * tables on SQLite. When the `channels` table exists the documents take the owner's channel handle
 * too; once `videos.kind` exists the index takes the row's kind (VIDEO or AUDIO) and a change of kind
 * re-indexes it.
 */
export async function installSqliteSearchTriggers(q: QueryRunner): Promise<void> {
  const withChannels = (await q.query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'channels'`)).length > 0;
  const columns = (await q.query(`PRAGMA table_info(videos)`)) as Array<{ name: string }>;
  const hasKind = columns.some((c) => c.name === 'kind');
  const upsert = sqliteUpsert(hasKind, withChannels);
  for (const t of SQLITE_TRIGGER_NAMES) await q.query(`DROP TRIGGER IF EXISTS ${t}`);
  await q.query(`CREATE TRIGGER search_video_ai AFTER INSERT ON videos BEGIN ${upsert} END`);
  await q.query(`CREATE TRIGGER search_video_au AFTER UPDATE OF title, description, tags, visibility, status, owner_id, duration_ms, created_at${hasKind ? ', kind' : ''} ON videos BEGIN
    DELETE FROM search_documents WHERE video_id = OLD.id AND (OLD.id <> NEW.id OR NEW.status <> 'READY' OR NEW.visibility <> 'PUBLIC');
    ${upsert}
  END`);
  await q.query(`CREATE TRIGGER search_video_ad AFTER DELETE ON videos BEGIN DELETE FROM search_documents WHERE video_id = OLD.id; END`);
  await q.query(`CREATE TRIGGER search_user_au AFTER UPDATE OF display_name ON users WHEN OLD.display_name IS NOT NEW.display_name BEGIN
    UPDATE search_documents SET channel_name = NEW.display_name WHERE video_id IN (SELECT id FROM videos WHERE owner_id = NEW.id);
  END`);
}

async function upSqlite(q: QueryRunner): Promise<void> {
  await q.query(`CREATE TABLE search_documents (
    doc_id INTEGER PRIMARY KEY AUTOINCREMENT,
    video_id varchar(36) NOT NULL UNIQUE,
    kind varchar(8) NOT NULL DEFAULT 'VIDEO',
    title text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    tags text NOT NULL DEFAULT '',
    channel_name text,
    channel_handle text,
    duration_ms integer,
    created_at datetime NOT NULL)`);
  await q.query('CREATE INDEX idx_search_documents_created ON search_documents (created_at)');
  await q.query('CREATE TABLE search_state (id integer PRIMARY KEY, version integer NOT NULL)');
  await q.query('INSERT INTO search_state (id, version) VALUES (1, 0)');
  await q.query(`CREATE VIRTUAL TABLE search_fts USING fts5(
    title, tags, channel_name, channel_handle, description,
    content='search_documents', content_rowid='doc_id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3')`);
  // The filters' columns are copied here so a search never joins `videos` (a varchar key) per match.
  // Relevance: a word in the title weighs most, then tags, channel, description (bm25 column weights).
  await q.query(`INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 4.0, 4.0, 1.0)')`);
  // Every distinct indexed word with its document count: the vocabulary typo candidates come from.
  await q.query(`CREATE VIRTUAL TABLE search_vocab USING fts5vocab('search_fts', 'row')`);
  const cols = 'title, tags, channel_name, channel_handle, description';
  const bump = 'UPDATE search_state SET version = version + 1 WHERE id = 1;';
  await q.query(`CREATE TRIGGER search_fts_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts (rowid, ${cols}) VALUES (NEW.doc_id, NEW.title, NEW.tags, NEW.channel_name, NEW.channel_handle, NEW.description); ${bump}
  END`);
  await q.query(`CREATE TRIGGER search_fts_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, ${cols}) VALUES ('delete', OLD.doc_id, OLD.title, OLD.tags, OLD.channel_name, OLD.channel_handle, OLD.description); ${bump}
  END`);
  await q.query(`CREATE TRIGGER search_fts_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, ${cols}) VALUES ('delete', OLD.doc_id, OLD.title, OLD.tags, OLD.channel_name, OLD.channel_handle, OLD.description);
    INSERT INTO search_fts (rowid, ${cols}) VALUES (NEW.doc_id, NEW.title, NEW.tags, NEW.channel_name, NEW.channel_handle, NEW.description); ${bump}
  END`);
  await installSqliteSearchTriggers(q);
  await q.query(`INSERT INTO search_documents (video_id, kind, title, description, tags, channel_name, duration_ms, created_at)
    SELECT v.id, 'VIDEO', v.title, v.description, ${SQLITE_TAGS('v.tags')}, u.display_name, v.duration_ms, v.created_at
    FROM videos v LEFT JOIN users u ON u.id = v.owner_id WHERE v.status = 'READY' AND v.visibility = 'PUBLIC'`);
}

async function upPostgres(q: QueryRunner): Promise<void> {
  const trgm = await createTrgm(q);
  await q.query(`CREATE FUNCTION search_tags_text(tags text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT btrim(translate(coalesce(tags, ''), '[]",', '    '))
  $$`);
  await q.query(`CREATE TABLE search_documents (
    video_id varchar(36) PRIMARY KEY,
    kind varchar(8) NOT NULL DEFAULT 'VIDEO',
    title text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    tags text NOT NULL DEFAULT '',
    channel_name text,
    channel_handle text,
    duration_ms integer,
    created_at timestamptz NOT NULL,
    document tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', title), 'A') ||
      setweight(to_tsvector('simple', tags), 'B') ||
      setweight(to_tsvector('simple', coalesce(channel_name, '') || ' ' || coalesce(channel_handle, '')), 'B') ||
      setweight(to_tsvector('simple', description), 'D')
    ) STORED)`);
  await q.query('CREATE INDEX idx_search_documents_fts ON search_documents USING GIN (document)');
  await q.query('CREATE INDEX idx_search_documents_created ON search_documents (created_at)');
  await q.query('CREATE TABLE search_terms (term text COLLATE "C" PRIMARY KEY, docs integer NOT NULL)');
  if (trgm) await q.query('CREATE INDEX idx_search_terms_trgm ON search_terms USING GIN (term gin_trgm_ops)');
  // Lexemes come out of a tsvector sorted, so concurrent writers lock term rows in one order (no deadlocks).
  await q.query(`CREATE FUNCTION search_count_terms() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE search_terms t SET docs = t.docs - 1 FROM unnest(tsvector_to_array(OLD.document)) AS w(term) WHERE t.term = w.term;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO search_terms (term, docs) SELECT w.term, 1 FROM unnest(tsvector_to_array(NEW.document)) AS w(term)
      ON CONFLICT (term) DO UPDATE SET docs = search_terms.docs + 1;
    END IF;
    RETURN NULL;
  END $$`);
  await q.query(
    'CREATE TRIGGER search_terms_count AFTER INSERT OR UPDATE OR DELETE ON search_documents FOR EACH ROW EXECUTE FUNCTION search_count_terms()',
  );
  await q.query(`CREATE FUNCTION search_sync_video() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR OLD.id <> NEW.id OR NEW.status <> 'READY' OR NEW.visibility <> 'PUBLIC') THEN
      DELETE FROM search_documents WHERE video_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'READY' AND NEW.visibility = 'PUBLIC' THEN
      INSERT INTO search_documents (video_id, kind, title, description, tags, channel_name, duration_ms, created_at)
      VALUES (NEW.id, 'VIDEO', NEW.title, NEW.description, search_tags_text(NEW.tags), (SELECT display_name FROM users WHERE id = NEW.owner_id), NEW.duration_ms, NEW.created_at)
      ON CONFLICT (video_id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description, tags = EXCLUDED.tags, channel_name = EXCLUDED.channel_name,
        duration_ms = EXCLUDED.duration_ms, created_at = EXCLUDED.created_at
      WHERE (search_documents.title, search_documents.description, search_documents.tags, search_documents.channel_name, search_documents.duration_ms, search_documents.created_at)
        IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.tags, EXCLUDED.channel_name, EXCLUDED.duration_ms, EXCLUDED.created_at);
    END IF;
    RETURN NULL;
  END $$`);
  await q.query('CREATE TRIGGER search_video_ins AFTER INSERT ON videos FOR EACH ROW EXECUTE FUNCTION search_sync_video()');
  await q.query(
    'CREATE TRIGGER search_video_upd AFTER UPDATE OF title, description, tags, visibility, status, owner_id, duration_ms, created_at ON videos FOR EACH ROW EXECUTE FUNCTION search_sync_video()',
  );
  await q.query('CREATE TRIGGER search_video_del AFTER DELETE ON videos FOR EACH ROW EXECUTE FUNCTION search_sync_video()');
  await q.query(`CREATE FUNCTION search_sync_user() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE search_documents SET channel_name = NEW.display_name WHERE video_id IN (SELECT id FROM videos WHERE owner_id = NEW.id);
    RETURN NULL;
  END $$`);
  await q.query(
    'CREATE TRIGGER search_user_upd AFTER UPDATE OF display_name ON users FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) EXECUTE FUNCTION search_sync_user()',
  );
  await q.query(`INSERT INTO search_documents (video_id, kind, title, description, tags, channel_name, duration_ms, created_at)
    SELECT v.id, 'VIDEO', v.title, v.description, search_tags_text(v.tags), u.display_name, v.duration_ms, v.created_at
    FROM videos v LEFT JOIN users u ON u.id = v.owner_id WHERE v.status = 'READY' AND v.visibility = 'PUBLIC'`);
}

/** CREATE EXTENSION pg_trgm inside a savepoint (the migration runs in one transaction): false when it cannot be created here. */
async function createTrgm(q: QueryRunner): Promise<boolean> {
  await q.query('SAVEPOINT search_trgm');
  try {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('RELEASE SAVEPOINT search_trgm');
    return true;
  } catch (err) {
    await q.query('ROLLBACK TO SAVEPOINT search_trgm');
    console.warn(`search: pg_trgm is not available (${(err as Error).message}); typo tolerance falls back to same-first-letter candidates`);
    return false;
  }
}
