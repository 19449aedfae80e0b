import { ValueTransformer } from 'typeorm';

/**
 * BIGINT columns as JS bigint. PostgreSQL hands BIGINT back as a string (exact); better-sqlite3 hands
 * back a JS number, exact only below 2^53, so the ledger repository reads amounts with
 * CAST(… AS TEXT) and never through this transformer on its money paths.
 */
export const bigintColumn: ValueTransformer = {
  to: (v?: bigint | null) => (v == null ? v : v.toString()),
  from: (v?: string | number | bigint | null) => (v == null ? null : BigInt(v)),
};
