export { AppConfig, ConfigError, configFromEnvOrExit } from './config/app-config';
export { ConfigModule } from './config/config.module';
export { parseBytes } from './config/config.schema';
export { DatabaseModule } from './database/database.module';
export { dataSourceOptions } from './database/data-source.options';
export { MIGRATIONS } from './database/migrations';
export { Database } from './database/database';
export { SqlTx, type SqlRunner, type Row } from './database/sql-tx';
export { SqlDialect, marks, sqlTime, toDate, toDateOrNull, toBool, isUniqueViolation } from './database/sql-dialect';
export { bulkInsert } from './database/bulk-insert';
export {
  encodeCursor,
  decodeCursor,
  encodeKeyset,
  decodeKeyset,
  afterCursor,
  keysetAfter,
  type Cursor,
  type KeysetColumn,
} from './database/keyset';
export type { JobQueue, JobContext, JobHandler, JobCounts, JobQueueEvents, JobQueueOptions } from './queue/job-queue';
export { InProcessQueue } from './queue/in-process.queue';
export { BullMqQueue } from './queue/bullmq.queue';
export { createJobQueue } from './queue/queue.factory';
export { createLogger } from './logging/logger';
export { RateLimiterFactory } from './rate-limit/rate-limiter.factory';
export {
  rateWindow,
  type CounterState,
  type KeyedCounter,
  type RateDecision,
  type RateLimit,
  type RateLimiter,
} from './rate-limit/rate-limiter';
export { PinoNestLogger } from './logging/nest-logger';
export { UserError } from './graphql/user-error';
export { checkFirst, pageSizeProblem, MAX_PAGE_SIZE } from './graphql/page-size';
export { formatBytes, formatClc, toMinor, CLC_DECIMALS, MINOR_PER_CLC, type BytesFormat, type FormatOptions } from './format';
export { formatCount, formatCountOf } from './format';
export { StorageModule } from './files/storage.module';
export { StorageRepository } from './files/storage.repository';
export type { FileRead, FileStats } from './files/storage.repository';
export { processPicture, pictureTooLarge, PictureError, type PictureSpec, type ProcessedPicture } from './images/picture.processor';
export { receivePicture, pictureHttpError, allowPictureUpload, PICTURE_UPLOAD_LIMIT, sendStoredPicture } from './images/picture-upload';
