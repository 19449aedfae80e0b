import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, ModuleRef } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { AdsModule } from '@wetube/ads';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { CatalogCoreModule, CatalogModule, VideoTorrentsService } from '@wetube/catalog';
import { CommentsModule } from '@wetube/comments';
import { EngagementModule } from '@wetube/engagement';
import { ChannelsModule } from '@wetube/channels';
import { SupportModule } from '@wetube/support';
import { SwarmModule } from '@wetube/swarm';
import { IdentityModule } from '@wetube/identity';
import { FeedsModule, LibraryModule } from '@wetube/library';
import { MediaModule } from '@wetube/media';
import { PaymentsModule } from '@wetube/payments';
import { AppConfig, ConfigModule, DatabaseModule, RateLimiterFactory } from '@wetube/platform';
import { TranscodeWorkerModule } from '@wetube/transcoding';
import { graphqlOptions } from './graphql/graphql.config';
import { GraphqlErrorPassthrough } from './graphql/graphql-error.filter';
import { HealthController } from './health.controller';
import { SampleVideoLoader } from './sample/sample-video.loader';

@Module({})
export class ApiModule {
  /** The api: GraphQL, REST, ingest, origin; plus the transcode worker when running embedded. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ runMigrations: true }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AppConfig, ModuleRef],
          useFactory: (cfg: AppConfig, moduleRef: ModuleRef) =>
            graphqlOptions(cfg, () => moduleRef.get(GraphQLSchemaHost, { strict: false })),
        }),
        IdentityModule,
        CatalogModule,
        ChannelsModule,
        MediaModule,
        PaymentsModule,
        AdsModule,
        CommentsModule,
        EngagementModule,
        LibraryModule,
        FeedsModule,
        SupportModule,
        // The embedded BitTorrent tracker: admits only the infohashes of published renditions.
        SwarmModule.forRootAsync({
          imports: [CatalogCoreModule],
          inject: [VideoTorrentsService, RateLimiterFactory],
          useFactory: (torrents: VideoTorrentsService, limits: RateLimiterFactory) => ({
            isKnownInfoHash: (hash: string) => torrents.isKnown(hash),
            rateLimit: config.trackerRateLimit,
            ipRateLimit: config.trackerIpRateLimit,
            limits,
          }),
        }),
        ...(config.transcodeInProcess ? [TranscodeWorkerModule] : []),
      ],
      controllers: [HealthController],
      providers: [SampleVideoLoader, { provide: APP_FILTER, useClass: GraphqlErrorPassthrough }],
    };
  }
}
