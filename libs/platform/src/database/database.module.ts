import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source.options';
import { Database } from './database';

@Module({})
export class DatabaseModule {
  /**
   * The TypeORM connection. Entities register themselves with TypeOrmModule.forFeature in their
   * own libs (autoLoadEntities). `runMigrations` is on for the api (the one process that owns the
   * schema); workers connect to an already migrated database. Provides {@link Database} (raw-SQL
   * repositories and the transaction handle) to every module.
   */
  static forRoot(options: { runMigrations: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [Database],
      exports: [Database],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config),
            autoLoadEntities: true,
            migrationsRun: options.runMigrations,
          }),
        }),
      ],
    };
  }
}
