import { Module } from '@nestjs/common';
import { addressingOptionsProvider } from './addressing/addressing.options';
import { ContentAddresser } from './addressing/content-addresser.service';
import { IpfsRepository } from './addressing/ipfs.repository';
import { OriginKeyRepository } from './addressing/origin-key.repository';
import { WellKnownController } from './addressing/well-known.controller';
import { StorageModule } from '@wetube/platform';

@Module({
  imports: [StorageModule],
  controllers: [WellKnownController],
  providers: [addressingOptionsProvider, IpfsRepository, OriginKeyRepository, ContentAddresser],
  exports: [StorageModule, IpfsRepository, OriginKeyRepository, ContentAddresser],
})
export class ContentModule {}
