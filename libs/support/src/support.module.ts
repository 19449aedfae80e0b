import { Module } from '@nestjs/common';
import { CatalogCoreModule } from '@wetube/catalog';
import { ChannelsModule } from '@wetube/channels';
import { IdentityModule } from '@wetube/identity';
import { LedgerModule } from '@wetube/ledger';
import { SupportResolver } from './graphql/support.resolver';
import { SupportPaymentsService } from './sessions/support-payments.service';
import { SupportPlaybackListener } from './sessions/support-playback.listener';
import { SupportReceivedService } from './sessions/support-received.service';
import { SupportSessionsRepository } from './sessions/support-sessions.repository';
import { SupportSettingsRepository } from './settings/support-settings.repository';
import { SupportSettingsService } from './settings/support-settings.service';
import { RecipientDirectory } from './splits/recipient-directory';
import { SupportSplitsRepository } from './splits/support-splits.repository';
import { SupportSplitsService } from './splits/support-splits.service';
import { SupportScheduler } from './support.scheduler';

const REPOSITORIES = [SupportSettingsRepository, SupportSplitsRepository, SupportSessionsRepository];
const SERVICES = [SupportPaymentsService, SupportSettingsService, SupportSplitsService, SupportReceivedService, RecipientDirectory];

/**
 * Pay as you listen (issue 14): services, and the listener that adds itself to catalog's
 * PlaybackListeners (hold at session start, pay per heartbeat, release at the end). Catalog and
 * payments do not depend on it.
 */
@Module({
  imports: [CatalogCoreModule, LedgerModule, IdentityModule, ChannelsModule],
  providers: [...REPOSITORIES, ...SERVICES, SupportPlaybackListener],
  exports: [...SERVICES],
})
export class SupportCoreModule {}

/** The api's support: GraphQL and the periodic release of idle or expired sessions' holds. */
@Module({
  imports: [SupportCoreModule, IdentityModule],
  providers: [SupportResolver, SupportScheduler],
  exports: [SupportScheduler],
})
export class SupportModule {}
