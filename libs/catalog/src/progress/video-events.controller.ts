import { Controller, ForbiddenException, MessageEvent, NotFoundException, Param, Sse, UseGuards } from '@nestjs/common';
import { AuthenticatedGuard, AuthUser, CurrentUser } from '@wetube/identity';
import { Observable, interval } from 'rxjs';
import { canEdit } from '../videos/video.access';
import { VideoStatus } from '../videos/video.enums';
import { VideosService } from '../videos/videos.service';
import { VideoProgress, VideoProgressHub } from './video-progress.hub';

const DONE = new Set<VideoStatus>([VideoStatus.READY, VideoStatus.FAILED]);
/** A slow look at the database covers an event missed while the connection was being set up. */
const POLL_MS = 5000;

/** Server-Sent Events: a video's status and transcode progress, live, for its owner. */
@Controller('api/videos')
export class VideoEventsController {
  constructor(
    private readonly videos: VideosService,
    private readonly hub: VideoProgressHub,
  ) {}

  @Sse(':id/events')
  @UseGuards(AuthenticatedGuard)
  async events(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<Observable<MessageEvent>> {
    const video = await this.videos.findById(id);
    if (!video) throw new NotFoundException('No such video.');
    if (!canEdit(video, user)) throw new ForbiddenException('Only the owner can follow this video.');
    const first = await this.hub.current(id);
    return new Observable<MessageEvent>((subscriber) => {
      let done = false;
      const emit = (state: VideoProgress | null) => {
        if (done) return;
        if (!state) {
          done = true; // deleted meanwhile
          subscriber.complete();
          return;
        }
        subscriber.next({ data: state });
        if (DONE.has(state.status)) {
          done = true;
          subscriber.complete();
        }
      };
      emit(first);
      const subs = [
        this.hub.watch(id).subscribe(emit),
        interval(POLL_MS).subscribe(async () => emit(await this.hub.current(id).catch(() => null))),
      ];
      return () => subs.forEach((s) => s.unsubscribe());
    });
  }
}
