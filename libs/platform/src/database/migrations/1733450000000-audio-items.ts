import { MigrationInterface, QueryRunner } from 'typeorm';
import { installSqliteSearchTriggers } from './1733350000000-search';

/**
 * Audio items (issue 14). `videos.kind` is VIDEO or AUDIO (a source with sound and no real video
 * stream); `videos.audio_meta` (JSON, NULL for videos) holds what an audio item carries beyond a
 * video: the uploader's `podcast`/`normalize` choices, the tags read from the file, where the cover
 * came from and the loudness measured before normalizing.
 *
 * The search index takes the row's kind (its `kind` column was 'VIDEO' for every row until now),
 * so the search type filter AUDIO finds audio items. Columns are added with plain `ALTER TABLE ADD
 * COLUMN` on both databases (SQLite does not re-create the table for it, so nothing else of the
 * table changes); the triggers are then re-installed with `kind`: on SQLite by
 * `installSqliteSearchTriggers` (which reads whether `videos.kind` exists), on PostgreSQL by
 * replacing `search_sync_video()` and the update trigger's column list.
 */
export class AudioItems1733450000000 implements MigrationInterface {
  name = 'AudioItems1733450000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    await q.query(`ALTER TABLE videos ADD COLUMN kind varchar(8) NOT NULL DEFAULT 'VIDEO'`);
    await q.query(`ALTER TABLE videos ADD COLUMN audio_meta text`);
    if (pg) {
      await q.query(syncVideoFunction(true));
      await q.query('DROP TRIGGER IF EXISTS search_video_upd ON videos');
      await q.query(updateTrigger(true));
    } else {
      await installSqliteSearchTriggers(q);
    }
    // No audio item exists before this migration: every indexed row is a VIDEO already.
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    if (pg) {
      await q.query('DROP TRIGGER IF EXISTS search_video_upd ON videos');
      await q.query(syncVideoFunction(false));
      await q.query(updateTrigger(false));
    } else {
      // SQLite refuses to drop a column a trigger names: drop them first, re-install after.
      for (const t of ['search_video_ai', 'search_video_au']) await q.query(`DROP TRIGGER IF EXISTS ${t}`);
    }
    await q.query(`UPDATE search_documents SET kind = 'VIDEO'`);
    await q.query('ALTER TABLE videos DROP COLUMN audio_meta');
    await q.query('ALTER TABLE videos DROP COLUMN kind');
    if (!pg) await installSqliteSearchTriggers(q);
  }
}

function updateTrigger(withKind: boolean): string {
  return `CREATE TRIGGER search_video_upd AFTER UPDATE OF title, description, tags, visibility, status, owner_id, duration_ms, created_at${withKind ? ', kind' : ''} ON videos FOR EACH ROW EXECUTE FUNCTION search_sync_video()`;
}

/** search_sync_video() of the search migration, with the row's kind when `withKind`. */
function syncVideoFunction(withKind: boolean): string {
  const kind = withKind ? 'NEW.kind' : "'VIDEO'";
  const cols = `${withKind ? 'search_documents.kind, ' : ''}search_documents.title, search_documents.description, search_documents.tags, search_documents.channel_name, search_documents.duration_ms, search_documents.created_at`;
  const ex = `${withKind ? 'EXCLUDED.kind, ' : ''}EXCLUDED.title, EXCLUDED.description, EXCLUDED.tags, EXCLUDED.channel_name, EXCLUDED.duration_ms, EXCLUDED.created_at`;
  return `CREATE OR REPLACE FUNCTION search_sync_video() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR OLD.id <> NEW.id OR NEW.status <> 'READY' OR NEW.visibility <> 'PUBLIC') THEN
      DELETE FROM search_documents WHERE video_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'READY' AND NEW.visibility = 'PUBLIC' THEN
      INSERT INTO search_documents (video_id, kind, title, description, tags, channel_name, duration_ms, created_at)
      VALUES (NEW.id, ${kind}, NEW.title, NEW.description, search_tags_text(NEW.tags), (SELECT display_name FROM users WHERE id = NEW.owner_id), NEW.duration_ms, NEW.created_at)
      ON CONFLICT (video_id) DO UPDATE SET ${withKind ? 'kind = EXCLUDED.kind, ' : ''}title = EXCLUDED.title, description = EXCLUDED.description, tags = EXCLUDED.tags, channel_name = EXCLUDED.channel_name,
        duration_ms = EXCLUDED.duration_ms, created_at = EXCLUDED.created_at
      WHERE (${cols})
        IS DISTINCT FROM (${ex});
    END IF;
    RETURN NULL;
  END $$`;
}
