import { Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { VideoType } from '@wetube/catalog';
import { AuthUser, CurrentUser } from '@wetube/identity';
import { WatchHistoryService } from '../history/watch-history.service';
import { PlaylistsService } from '../playlists/playlists.service';
import { ViewerProgress } from './history.types';

interface LibraryRequest {
  viewerProgressLoader?: DataLoader<string, ViewerProgress | null>;
}

/** The library's fields on Video for the signed-in caller (null / empty for anonymous callers). */
@Resolver(() => VideoType)
export class VideoLibraryResolver {
  constructor(
    private readonly history: WatchHistoryService,
    private readonly playlists: PlaylistsService,
  ) {}

  @ResolveField(() => ViewerProgress, {
    nullable: true,
    description: 'Where the signed-in caller left this video (resume, progress bars); null if never watched',
  })
  async viewerProgress(
    @Parent() video: VideoType,
    @CurrentUser() viewer: AuthUser | null,
    @Context('req') req: LibraryRequest,
  ): Promise<ViewerProgress | null> {
    if (!viewer) return null;
    // One query per request for every card of a list.
    req.viewerProgressLoader ??= new DataLoader(async (ids: readonly string[]) => {
      const found = await this.history.progressOf(viewer.id, ids);
      return ids.map((id) => {
        const r = found.get(id);
        return r ? ViewerProgress.from(r) : null;
      });
    });
    return req.viewerProgressLoader.load(video.id);
  }

  @ResolveField(() => [ID], { description: "Which of the signed-in caller's playlists hold this video (Watch later included)" })
  async viewerPlaylistIds(@Parent() video: VideoType, @CurrentUser() viewer: AuthUser | null): Promise<string[]> {
    return viewer ? this.playlists.idsHolding(viewer, video.id) : [];
  }
}
