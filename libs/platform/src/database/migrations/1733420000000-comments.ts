import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { portableTypes } from '../portable-types';

/**
 * Comments on videos (libs/comments): top-level comments and one level of replies (`parent_id` is
 * always a top-level comment). `reply_count` counts a top-level comment's replies that are not
 * hidden and `like_count` its likes (rows of `comment_likes`, one per account), both kept by the
 * service in the write's transaction; the TOP order reads them. A deleted
 * comment that still has replies stays as a placeholder (`deleted_at` set, body erased); one
 * without is removed. `hidden_at`: hidden by the video's owner (visible to its author and the
 * owner only). Rows go with their video, author or parent (cascade).
 */
export class Comments1733420000000 implements MigrationInterface {
  name = 'Comments1733420000000';

  async up(q: QueryRunner): Promise<void> {
    const t = portableTypes(q);
    await q.createTable(
      new Table({
        name: 'comments',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'video_id', type: 'varchar', length: '36' },
          { name: 'parent_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'author_id', type: 'varchar', length: '36' },
          { name: 'body', type: 'text' },
          { name: 'reply_count', type: 'integer', default: 0 },
          { name: 'like_count', type: 'integer', default: 0 },
          { name: 'created_at', type: t.timestamp },
          { name: 'edited_at', type: t.timestamp, isNullable: true },
          { name: 'hidden_at', type: t.timestamp, isNullable: true },
          { name: 'deleted_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['video_id'], referencedTableName: 'videos', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['author_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['parent_id'], referencedTableName: 'comments', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    // A video's threads, newest first; and by likes, then replies (TOP).
    await q.createIndex(
      'comments',
      new TableIndex({ name: 'idx_comments_video_new', columnNames: ['video_id', 'parent_id', 'created_at'] }),
    );
    await q.createIndex(
      'comments',
      new TableIndex({ name: 'idx_comments_video_top', columnNames: ['video_id', 'parent_id', 'like_count', 'reply_count', 'created_at'] }),
    );
    // A thread's replies, oldest first.
    await q.createIndex('comments', new TableIndex({ name: 'idx_comments_parent', columnNames: ['parent_id', 'created_at'] }));
    await q.createIndex('comments', new TableIndex({ name: 'idx_comments_author', columnNames: ['author_id'] }));
    // One like per account and comment.
    await q.createTable(
      new Table({
        name: 'comment_likes',
        columns: [
          { name: 'comment_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'created_at', type: t.timestamp },
        ],
        foreignKeys: [
          { columnNames: ['comment_id'], referencedTableName: 'comments', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await q.createIndex('comment_likes', new TableIndex({ name: 'idx_comment_likes_user', columnNames: ['user_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('comment_likes');
    await q.dropTable('comments');
  }
}
