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
    description: 'VIDEO: items with a picture; AUDIO: audio-only items (songs, podcast episodes)',
  })
  type?: SearchItemType | null;
}
