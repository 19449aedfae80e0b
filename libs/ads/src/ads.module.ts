import { Global, Module } from '@nestjs/common';
import { AdBreaksHooks, CatalogCoreModule } from '@wetube/catalog';
import { IdentityModule } from '@wetube/identity';
import { LedgerModule } from '@wetube/ledger';
import { PaymentsCoreModule } from '@wetube/payments';
import { AdvertiserGuard } from './advertisers/advertiser.guard';
import { AdvertiserResolver } from './advertisers/advertiser.resolver';
import { ApiKeysRepository } from './advertisers/api-keys.repository';
import { ApiKeysService } from './advertisers/api-keys.service';
import { CampaignFieldsResolver, CampaignsResolver, CreativeFieldsResolver, LineItemFieldsResolver } from './campaigns/campaigns.resolver';
import { CampaignsRepository } from './campaigns/campaigns.repository';
import { CampaignsService } from './campaigns/campaigns.service';
import { CreativesRepository } from './campaigns/creatives.repository';
import { CreativesService } from './campaigns/creatives.service';
import { AdReportsRepository } from './reports/reports.repository';
import { AdReportsResolver } from './reports/reports.resolver';
import { AdReportsService } from './reports/reports.service';
import { AdBreaksProvider } from './server/ad-breaks.provider';
import { AdChargingService } from './server/ad-charging.service';
import { AdDecisionService } from './server/ad-decision.service';
import { AdServerController } from './server/ad-server.controller';
import { AdServerScheduler } from './server/ad-server.scheduler';
import { ImpressionsRepository } from './server/impressions.repository';
import { PodReservationsRepository } from './server/pod-reservations.repository';
import { ServableLineItemsRepository } from './server/servable-line-items.repository';

const REPOSITORIES = [
  ApiKeysRepository,
  CampaignsRepository,
  CreativesRepository,
  ImpressionsRepository,
  PodReservationsRepository,
  ServableLineItemsRepository,
  AdReportsRepository,
];
const SERVICES = [ApiKeysService, CampaignsService, CreativesService, AdDecisionService, AdChargingService, AdReportsService];

/**
 * Services only (no GraphQL): for the ad server, tests and benches. Global, as payments' core is:
 * it provides catalog's AdBreaksHooks (the HLS origin's ad breaks) without catalog depending on ads.
 */
@Global()
@Module({
  imports: [LedgerModule, CatalogCoreModule, IdentityModule, PaymentsCoreModule],
  providers: [...REPOSITORIES, ...SERVICES, AdvertiserGuard, AdBreaksProvider, { provide: AdBreaksHooks, useExisting: AdBreaksProvider }],
  exports: [...SERVICES, AdvertiserGuard, AdBreaksHooks],
})
export class AdsCoreModule {}

/**
 * The advertiser API (GraphQL): API keys, campaigns, line items with budgets in ledger escrow, creatives;
 * and the ad server (asset lists, VAST, beacons; reservation expiry every 30 s).
 */
@Module({
  imports: [AdsCoreModule, IdentityModule],
  controllers: [AdServerController],
  providers: [
    AdvertiserResolver,
    AdReportsResolver,
    CampaignsResolver,
    CampaignFieldsResolver,
    LineItemFieldsResolver,
    CreativeFieldsResolver,
    AdServerScheduler,
  ],
  exports: [AdServerScheduler],
})
export class AdsModule {}
