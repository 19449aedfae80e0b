import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VideoTorrentEntity } from '@wetube/catalog';
import { AppConfig, ConfigModule, DatabaseModule, RateLimiterFactory } from '@wetube/platform';
import { SwarmModule } from '@wetube/swarm';
import { PublishedTorrentsRepository } from './published-torrents.repository';

@Module({
  imports: [TypeOrmModule.forFeature([VideoTorrentEntity])],
  providers: [PublishedTorrentsRepository],
  exports: [PublishedTorrentsRepository],
})
class PublishedTorrentsModule {}

@Module({})
export class TrackerModule {
  /**
   * The tracker process: bittorrent-tracker (TrackerService) admitting the infohashes the database
   * lists, with its announce limits in Redis when REDIS_URL is set (shared by every tracker process).
   * It connects to an already migrated database (the api owns the schema).
   */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: TrackerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ runMigrations: false }),
        SwarmModule.forRootAsync({
          imports: [PublishedTorrentsModule],
          inject: [PublishedTorrentsRepository, RateLimiterFactory],
          useFactory: (published: PublishedTorrentsRepository, limits: RateLimiterFactory) => ({
            isKnownInfoHash: (hash: string) => published.isPublished(hash),
            rateLimit: config.trackerRateLimit,
            ipRateLimit: config.trackerIpRateLimit,
            limits,
            trustProxy: config.trackerProcess.trustProxy,
          }),
        }),
      ],
    };
  }
}
