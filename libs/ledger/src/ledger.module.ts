import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LEDGER_ENTITIES } from './ledger.entities';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

/** The Cloudcoin ledger on the platform's TypeORM connection (DatabaseModule.forRoot must be imported by the app). */
@Module({
  imports: [TypeOrmModule.forFeature(LEDGER_ENTITIES)],
  providers: [LedgerRepository, LedgerService],
  exports: [LedgerService],
})
export class LedgerModule {}
