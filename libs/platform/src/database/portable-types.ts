import { QueryRunner } from 'typeorm';

/** Column types that differ between the two databases we run on. */
export function portableTypes(q: QueryRunner): { timestamp: string } {
  const postgres = q.connection.options.type === 'postgres';
  return { timestamp: postgres ? 'timestamptz' : 'datetime' };
}
