import { Field, InputType } from '@nestjs/graphql';
import { SearchDuration, SearchItemType, SearchUploadDate } from './search.types';

@InputType({ description: 'Narrows a search; every part is optional' })
export class SearchFilter {
  @Field(() => SearchDuration, { nullable: true })
  duration?: SearchDuration | null;
  @Field(() => SearchUploadDate, { nullable: true })
  uploadDate?: SearchUploadDate | null;
  @Field(() => SearchItemType, {
    nullable: true,
    description: 'VIDEO: every item today; AUDIO: nothing until audio items exist (issue 14)',
  })
  type?: SearchItemType | null;
}
