import { DynamicModule, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source.options';
import { SqliteCheckpointer } from './sqlite-checkpointer';

/** The SQLite file's WAL checkpoints on a thread of their own while the app runs (nothing on PostgreSQL). */
@Injectable()
export class SqliteCheckpoints implements OnApplicationShutdown {
  private readonly checkpointer: SqliteCheckpointer | null;

  constructor(config: AppConfig) {
    const db = config.database;
    this.checkpointer = db.type === 'sqlite' && db.path !== ':memory:' ? new SqliteCheckpointer(db.path) : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.checkpointer?.stop();
  }
}

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
            ...dataSourceOptions(config, [], { backgroundCheckpoints: true }),
            autoLoadEntities: true,
            migrationsRun: options.runMigrations,
          }),
        }),
      ],
      providers: [SqliteCheckpoints],
    };
  }
}
