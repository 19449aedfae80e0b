import { Field, Int, ObjectType } from '@nestjs/graphql';
import { VideoType } from './video.type';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;
  @Field()
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true })
  startCursor: string | null;
  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class VideoEdge {
  @Field()
  cursor: string;
  @Field(() => VideoType)
  node: VideoType;
}

@ObjectType()
export class VideoConnection {
  @Field(() => [VideoEdge])
  edges: VideoEdge[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int)
  totalCount: number;
}
