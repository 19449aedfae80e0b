import { Module } from '@nestjs/common';
import { CatalogCoreModule } from '@wetube/catalog';
import { IdentityModule } from '@wetube/identity';
import { LedgerModule } from '@wetube/ledger';
import { AdsDb } from './advertisers/ads.db';
import { AdvertiserGuard } from './advertisers/advertiser.guard';
import { AdvertiserResolver } from './advertisers/advertiser.resolver';
import { ApiKeysService } from './advertisers/api-keys.service';
import { CampaignFieldsResolver, CampaignsResolver, CreativeFieldsResolver, LineItemFieldsResolver } from './campaigns/campaigns.resolver';
import { CampaignsService } from './campaigns/campaigns.service';
import { CreativesService } from './campaigns/creatives.service';

const SERVICES = [AdsDb, ApiKeysService, CampaignsService, CreativesService];

/** Services only (no GraphQL): for the ad server, tests and benches. */
@Module({
  imports: [LedgerModule, CatalogCoreModule, IdentityModule],
  providers: [...SERVICES, AdvertiserGuard],
  exports: [...SERVICES, AdvertiserGuard],
})
export class AdsCoreModule {}

/** The advertiser API (GraphQL): API keys, campaigns, line items with budgets in ledger escrow, creatives. */
@Module({
  imports: [AdsCoreModule, IdentityModule],
  providers: [AdvertiserResolver, CampaignsResolver, CampaignFieldsResolver, LineItemFieldsResolver, CreativeFieldsResolver],
})
export class AdsModule {}
