import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlTime } from '../sql-dialect';
import { installSqliteSearchTriggers } from './1733350000000-search';

/**
 * Channels and subscriptions (libs/channels; issue 13). One `channels` row per user (the channel's
 * name is `users.display_name`), keyed by the user id; the handle is stored lowercase (the rules
 * allow a-z 0-9 . _ - only, so lowercase is the case-insensitive form) and unique.
 * `channel_subscriptions` (subscriber, channel). The subscription feed reads every followed channel's
 * newest public ready videos through `idx_videos_channel_feed`, a partial index on
 * (owner_id, created_at, id) of PUBLIC READY videos (plain CREATE INDEX: `videos` is not re-created,
 * so the SQLite search triggers stay).
 *
 * Search: `search_documents.channel_handle` (NULL since the search migration) is kept in step by
 * triggers: a new search document takes its owner's handle (PostgreSQL: a BEFORE INSERT trigger on
 * search_documents; SQLite: the video triggers' upsert, re-installed here by
 * installSqliteSearchTriggers, which reads the handle once `channels` exists), and a channel's
 * insert or handle change rewrites its videos' documents, in the same statement as the write, so in
 * the same transaction. Existing users
 * get a channel here with a handle made from their display name.
 */
export class Channels1733400000000 implements MigrationInterface {
  name = 'Channels1733400000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const ts = pg ? 'timestamptz' : 'datetime';
    await q.query(`CREATE TABLE channels (
      user_id varchar(36) PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      handle varchar(30) NOT NULL UNIQUE CHECK (handle = lower(handle)),
      description text NOT NULL DEFAULT '',
      links text NOT NULL DEFAULT '[]',
      avatar_key varchar(120),
      banner_key varchar(120),
      created_at ${ts} NOT NULL,
      updated_at ${ts} NOT NULL)`);
    await q.query(`CREATE TABLE channel_subscriptions (
      subscriber_id varchar(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      channel_id varchar(36) NOT NULL REFERENCES channels (user_id) ON DELETE CASCADE,
      created_at ${ts} NOT NULL,
      PRIMARY KEY (subscriber_id, channel_id))`);
    await q.query('CREATE INDEX idx_channel_subscriptions_channel ON channel_subscriptions (channel_id)');
    await q.query('CREATE INDEX idx_channel_subscriptions_mine ON channel_subscriptions (subscriber_id, created_at, channel_id)');
    await q.query(
      `CREATE INDEX idx_videos_channel_feed ON videos (owner_id, created_at, id) WHERE status = 'READY' AND visibility = 'PUBLIC'`,
    );

    // A channel for every existing user: the display name made into a handle, made unique by a suffix.
    const users = (await q.query('SELECT id, display_name FROM users ORDER BY created_at, id')) as Array<{
      id: string;
      display_name: string;
    }>;
    const taken = new Set<string>();
    const now = new Date();
    for (const u of users) {
      const handle = uniqueHandle(u.display_name, u.id, taken);
      taken.add(handle);
      await q.query(`INSERT INTO channels (user_id, handle, created_at, updated_at) VALUES (${pg ? '$1, $2, $3, $4' : '?, ?, ?, ?'})`, [
        u.id,
        handle,
        sqlTime(pg, now),
        sqlTime(pg, now),
      ]);
    }

    if (pg) {
      await q.query(`CREATE FUNCTION channel_handle_of_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.channel_handle IS NULL THEN
          NEW.channel_handle := (SELECT c.handle FROM videos v JOIN channels c ON c.user_id = v.owner_id WHERE v.id = NEW.video_id);
        END IF;
        RETURN NEW;
      END $$`);
      await q.query(
        'CREATE TRIGGER channel_search_doc_ins BEFORE INSERT ON search_documents FOR EACH ROW EXECUTE FUNCTION channel_handle_of_document()',
      );
      await q.query(`CREATE FUNCTION channel_sync_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE search_documents SET channel_handle = NEW.handle
          WHERE video_id IN (SELECT id FROM videos WHERE owner_id = NEW.user_id) AND channel_handle IS DISTINCT FROM NEW.handle;
        RETURN NULL;
      END $$`);
      await q.query('CREATE TRIGGER channel_search_ins AFTER INSERT ON channels FOR EACH ROW EXECUTE FUNCTION channel_sync_search()');
      await q.query(
        'CREATE TRIGGER channel_search_upd AFTER UPDATE OF handle ON channels FOR EACH ROW WHEN (OLD.handle IS DISTINCT FROM NEW.handle) EXECUTE FUNCTION channel_sync_search()',
      );
    } else {
      // New documents take the handle in the video triggers' own upsert (re-installed now that `channels` exists):
      // a second trigger on search_documents would race the FTS5 triggers (SQLite fires same-event triggers newest first).
      await installSqliteSearchTriggers(q);
      const sync = `UPDATE search_documents SET channel_handle = NEW.handle WHERE video_id IN (SELECT id FROM videos WHERE owner_id = NEW.user_id);`;
      await q.query(`CREATE TRIGGER channel_search_ai AFTER INSERT ON channels BEGIN ${sync} END`);
      await q.query(
        `CREATE TRIGGER channel_search_au AFTER UPDATE OF handle ON channels WHEN OLD.handle IS NOT NEW.handle BEGIN ${sync} END`,
      );
    }
    // The documents already indexed take their owner's handle.
    await q.query(
      `UPDATE search_documents SET channel_handle = (SELECT c.handle FROM videos v JOIN channels c ON c.user_id = v.owner_id WHERE v.id = search_documents.video_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    if (pg) {
      await q.query('DROP TRIGGER IF EXISTS channel_search_doc_ins ON search_documents');
      await q.query('DROP TRIGGER IF EXISTS channel_search_ins ON channels');
      await q.query('DROP TRIGGER IF EXISTS channel_search_upd ON channels');
      await q.query('DROP FUNCTION IF EXISTS channel_handle_of_document()');
      await q.query('DROP FUNCTION IF EXISTS channel_sync_search()');
    } else {
      for (const t of ['channel_search_ai', 'channel_search_au']) await q.query(`DROP TRIGGER IF EXISTS ${t}`);
    }
    await q.query('UPDATE search_documents SET channel_handle = NULL');
    await q.query('DROP INDEX IF EXISTS idx_videos_channel_feed');
    await q.query('DROP TABLE IF EXISTS channel_subscriptions');
    await q.query('DROP TABLE IF EXISTS channels');
    if (!pg) await installSqliteSearchTriggers(q); // back to the triggers without handles
  }
}

/** A handle (a-z 0-9 . _ -, 3 to 30) made from a display name, unique within `taken` (a suffix from the user id if needed). */
function uniqueHandle(displayName: string, userId: string, taken: Set<string>): string {
  let base = (displayName ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 24)
    .replace(/[._-]+$/, '');
  if (base.length < 3) base = `user${base}`;
  const hex = userId.replace(/[^0-9a-f]/gi, '').toLowerCase();
  for (let n = 0; ; n++) {
    const handle = n === 0 ? base : `${base}-${n < 4 ? hex.slice(0, 2 + n) : n}`;
    if (!taken.has(handle) && !RESERVED_AT_MIGRATION.has(handle)) return handle;
  }
}

/** Kept in step with libs/channels/src/channel-handle.ts RESERVED_HANDLES (a migration does not import a lib). */
const RESERVED_AT_MIGRATION = new Set([
  'admin',
  'api',
  'watch',
  'studio',
  'upload',
  'search',
  'subscriptions',
  'wallet',
  'advertiser',
  'signin',
  'register',
  'settings',
  'channel',
  'channels',
  'wetube',
  'support',
  'help',
]);
