import { Module } from '@nestjs/common';
import { CatalogModule } from '@wetube/catalog';
import { LibraryModule } from '../library.module';
import { PlaylistsRepository } from '../playlists/playlists.repository';
import { ShowFeedController } from './show-feed.controller';
import { ShowFeedService } from './show-feed.service';

/** Podcast RSS feeds of SHOW playlists and their episodes' chapters files (HTTP, no GraphQL). */
@Module({
  imports: [CatalogModule, LibraryModule],
  controllers: [ShowFeedController],
  providers: [PlaylistsRepository, ShowFeedService],
})
export class FeedsModule {}
