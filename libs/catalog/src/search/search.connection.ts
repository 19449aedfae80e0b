import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../graphql/video.connection';
import { VideoType } from '../graphql/video.type';

@ObjectType('SearchCorrection', {
  description: 'A query word that is not in the index, and the index words it was matched as instead (a typo forgiven)',
})
export class SearchCorrectionType {
  @Field({ description: 'The word as typed (lower-cased)' })
  word: string;
  @Field(() => [String], { description: 'The index words it matched as, closest first' })
  matchedAs: string[];
}

@ObjectType({ description: 'One search result: the video, with what the search index holds about its channel' })
export class SearchEdge {
  @Field()
  cursor: string;
  @Field(() => VideoType)
  node: VideoType;
  @Field(() => String, {
    nullable: true,
    description: "The channel's name as indexed (the uploader's display name until channels exist)",
  })
  channelName: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The channel's handle without the @ (its page is /@handle); null until the uploader has a channel",
  })
  channelHandle: string | null;
}

@ObjectType({ description: 'A page of search results' })
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges: SearchEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int, { description: 'How many results match, counted up to 1,001 (pages stop at 1,000)' })
  totalCount: number;
  @Field(() => [SearchCorrectionType], {
    description: 'Words of the query matched through typo corrections ("did you mean"); empty when every word was found as typed',
  })
  corrections: SearchCorrectionType[];
}
