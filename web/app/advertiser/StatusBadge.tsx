import type { CampaignStatus, CreativeApproval, LineItemStatus } from '@/lib/ads/advertiser-api';
import type { VideoStatus } from '@/lib/video-fragments';

type Status = CampaignStatus | LineItemStatus | CreativeApproval | VideoStatus;

const TONE: Record<Status, string> = {
  ACTIVE: 'badge--ready',
  APPROVED: 'badge--ready',
  READY: 'badge--ready',
  PAUSED: 'badge--info',
  PENDING: 'badge--info',
  PROCESSING: 'badge--info',
  DRAFT: 'badge--uploaded',
  UPLOADED: 'badge--uploaded',
  ENDED: '',
  CANCELLED: 'badge--failed',
  REJECTED: 'badge--failed',
  FAILED: 'badge--failed',
};

/** A status word as a coloured badge (ACTIVE, PAUSED, APPROVED, READY…). */
export function StatusBadge({ status, testId, title }: { status: Status; testId?: string; title?: string }) {
  return (
    <span className={`badge ${TONE[status] ?? ''}`} data-testid={testId} data-status={status} title={title}>
      {status.charAt(0) + status.slice(1).toLowerCase()}
    </span>
  );
}
