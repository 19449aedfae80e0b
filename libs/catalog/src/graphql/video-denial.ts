import { UserError } from '@wetube/platform';
import { AuthUser } from '@wetube/identity';
import { canEdit, canView } from '../videos/video.access';
import { VideoEntity } from '../videos/video.entity';

/** Why `user` may not change `video` (NOT_FOUND when they may not even see it), or null when they may. */
export function editDenial(video: VideoEntity | null, user: AuthUser): UserError | null {
  if (!video || !canView(video, user))
    return Object.assign(new UserError(), { field: ['input', 'id'], message: 'No such video.', code: 'NOT_FOUND' });
  if (!canEdit(video, user)) {
    return Object.assign(new UserError(), { field: ['input', 'id'], message: 'Only the owner can change this video.', code: 'FORBIDDEN' });
  }
  return null;
}
