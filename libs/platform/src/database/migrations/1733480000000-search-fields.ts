import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search on PostgreSQL (issue 13's p99 goal): `search_documents.fields`, the title, tags and channel
 * words alone (the same weights as in `document`: title A, the rest B), stored and indexed with GIN.
 * Relevance first looks for the words in those fields (see PostgresSearch): with `document` that
 * needed a weight-restricted tsquery (`'word':AB`), which GIN cannot answer exactly, so PostgreSQL
 * re-read and re-checked every document holding the word anywhere (37,000 rows for a broad word at
 * 100,000 items) to keep the 8,000 with it in a title or tag. `fields @@ query` is exact in the index.
 * Generated from the row's own columns (a generated column cannot read `document`), after the
 * BEFORE INSERT trigger that fills `channel_handle`. SQLite: nothing (FTS5 filters columns itself).
 */
export class SearchFields1733480000000 implements MigrationInterface {
  name = 'SearchFields1733480000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query(`ALTER TABLE search_documents ADD COLUMN fields tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', title), 'A') ||
      setweight(to_tsvector('simple', tags), 'B') ||
      setweight(to_tsvector('simple', coalesce(channel_name, '') || ' ' || coalesce(channel_handle, '')), 'B')
    ) STORED`);
    await q.query('CREATE INDEX idx_search_documents_fields ON search_documents USING GIN (fields)');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'postgres') return;
    await q.query('DROP INDEX IF EXISTS idx_search_documents_fields');
    await q.query('ALTER TABLE search_documents DROP COLUMN IF EXISTS fields');
  }
}
