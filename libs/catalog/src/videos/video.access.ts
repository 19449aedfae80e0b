import { AuthUser, isAdmin } from '@wetube/identity';
import { VideoStatus, Visibility } from './video.enums';

interface AccessFacts {
  ownerId: string;
  status: VideoStatus;
  visibility: Visibility;
}

export function canEdit(video: Pick<AccessFacts, 'ownerId'>, user: AuthUser | null | undefined): boolean {
  return !!user && (user.id === video.ownerId || isAdmin(user));
}

/** Who may see a video's page and stream: everyone for public/unlisted READY ones, else owner/admin. */
export function canView(video: AccessFacts, user: AuthUser | null | undefined): boolean {
  if (canEdit(video, user)) return true;
  return video.status === VideoStatus.READY && video.visibility !== Visibility.PRIVATE;
}
