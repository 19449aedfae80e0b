import { Module } from '@nestjs/common';
import { addressingOptionsProvider } from './addressing/addressing.options';
import { ContentAddresser } from './addressing/content-addresser.service';
import { IpfsRepository } from './addressing/ipfs.repository';
import { OriginKeyRepository } from './addressing/origin-key.repository';
import { WellKnownController } from './addressing/well-known.controller';
import { StorageRepository } from './storage.repository';

@Module({
  controllers: [WellKnownController],
  providers: [StorageRepository, addressingOptionsProvider, IpfsRepository, OriginKeyRepository, ContentAddresser],
  exports: [StorageRepository, IpfsRepository, OriginKeyRepository, ContentAddresser],
})
export class ContentModule {}
