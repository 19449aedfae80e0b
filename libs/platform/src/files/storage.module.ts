import { Module } from '@nestjs/common';
import { StorageRepository } from './storage.repository';

/** Provides the StorageRepository (on the storage folder of the global AppConfig). */
@Module({
  providers: [StorageRepository],
  exports: [StorageRepository],
})
export class StorageModule {}
