import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo, VideoType } from '@wetube/catalog';
import { UserError } from '@wetube/platform';
import type { WatchRecord } from '../history/watch-history.repository';
import { resumeAt } from '../history/watch-progress.rules';

@ObjectType({ description: 'Where the signed-in viewer left a video' })
export class ViewerProgress {
  @Field(() => Float, { description: 'Seconds from the start' })
  positionSec: number;
  @Field({ description: 'Watched to the end (or within its last seconds)' })
  finished: boolean;
  @Field(() => Float, {
    nullable: true,
    description: 'Where the player should start: the saved position, or null (from the start) when finished or barely started',
  })
  resumeAtSec: number | null;
  @Field()
  watchedAt: Date;

  static from(r: WatchRecord): ViewerProgress {
    return Object.assign(new ViewerProgress(), {
      positionSec: r.positionSec,
      finished: r.finished,
      resumeAtSec: resumeAt(r.positionSec, r.finished),
      watchedAt: r.watchedAt,
    });
  }
}

@ObjectType()
export class WatchHistoryEntry {
  @Field(() => VideoType)
  video: VideoType;
  @Field(() => ViewerProgress)
  progress: ViewerProgress;
}

@ObjectType()
export class WatchHistoryEdge {
  @Field()
  cursor: string;
  @Field(() => WatchHistoryEntry)
  node: WatchHistoryEntry;
}

@ObjectType()
export class WatchHistoryConnection {
  @Field(() => [WatchHistoryEdge])
  edges: WatchHistoryEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int, { description: 'Entries in the whole history (videos the viewer may still watch)' })
  totalCount: number;
}

@ObjectType()
export class RecordWatchProgressPayload {
  @Field({ description: 'false while the viewer paused their history (nothing is kept), or on an error' })
  recorded: boolean;
  @Field(() => ViewerProgress, { nullable: true })
  progress: ViewerProgress | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class HistorySettings {
  @Field({ description: 'Nothing is recorded while paused' })
  paused: boolean;
}

@ObjectType()
export class ClearWatchHistoryPayload {
  @Field(() => Int)
  removedCount: number;
}

@ObjectType()
export class RemoveFromHistoryPayload {
  @Field({ description: 'false when the video was not in the history' })
  removed: boolean;
}
