import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source.options';

@Module({})
export class DatabaseModule {
  /**
   * The TypeORM connection. Entities register themselves with TypeOrmModule.forFeature in their
   * own libs (autoLoadEntities). `runMigrations` is on for the api (the one process that owns the
   * schema); workers connect to an already migrated database.
   */
  static forRoot(options: { runMigrations: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
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
