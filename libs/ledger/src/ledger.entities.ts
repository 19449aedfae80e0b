import { AccountEntity } from './account.entity';
import { HoldEntity } from './hold.entity';
import { JournalEntryEntity } from './journal-entry.entity';
import { PostingEntity } from './posting.entity';

/** Every ledger table's entity (for TypeOrmModule.forFeature and test data sources). */
export const LEDGER_ENTITIES = [AccountEntity, JournalEntryEntity, PostingEntity, HoldEntity];
