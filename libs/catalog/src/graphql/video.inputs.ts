import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { UserError } from '@wetube/identity';
import { Visibility } from '../videos/video.enums';
import { VideoType } from './video.type';

@InputType()
export class UpdateVideoInput {
  @Field(() => ID)
  id: string;
  @Field(() => String, { nullable: true })
  title?: string | null;
  @Field(() => String, { nullable: true })
  description?: string | null;
  @Field(() => [String], { nullable: true })
  tags?: string[] | null;
  @Field(() => Visibility, { nullable: true })
  visibility?: Visibility | null;
}

@ObjectType()
export class VideoPayload {
  @Field(() => VideoType, { nullable: true })
  video: VideoType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class DeleteVideoPayload {
  @Field(() => ID, { nullable: true })
  deletedVideoId: string | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}
