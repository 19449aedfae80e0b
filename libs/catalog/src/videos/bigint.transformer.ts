import { ValueTransformer } from 'typeorm';

/** BIGINT columns (byte counts) as JS numbers: exact below 2^53, which no file size reaches. */
export const bigintAsNumber: ValueTransformer = {
  to: (v?: number | null) => v,
  from: (v?: string | number | null) => (v == null ? null : Number(v)),
};
