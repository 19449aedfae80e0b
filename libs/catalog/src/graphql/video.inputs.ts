import { Field, Int, ID, InputType, ObjectType } from '@nestjs/graphql';
import { UserError } from '@wetube/platform';
import { Visibility } from '../videos/video.enums';
import { VideoType } from './video.type';

@InputType({ description: 'An audio item\'s tags (read from the file at upload): a field left out stays, "" or null clears it' })
export class AudioTagsInput {
  @Field(() => String, { nullable: true })
  artist?: string | null;
  @Field(() => String, { nullable: true })
  album?: string | null;
  @Field(() => String, { nullable: true })
  genre?: string | null;
  @Field(() => Int, { nullable: true, description: '1–9999' })
  trackNumber?: number | null;
  @Field(() => Int, { nullable: true, description: '1000–2100' })
  year?: number | null;
}

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
  @Field(() => [Int], {
    nullable: true,
    description:
      'Mid-roll ad breaks, whole seconds from the start (snapped to the segment grid when served); [] for none. Omit to keep them.',
  })
  midrolls?: number[] | null;
  @Field(() => String, { nullable: true, description: 'One of videoCategories; "" for none. Omit to keep it.' })
  category?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "true: back to the platform's default mid-rolls (every 8 minutes for videos over 10 minutes)",
  })
  defaultMidrolls?: boolean | null;
  @Field(() => AudioTagsInput, { nullable: true, description: 'AUDIO items only: artist, album, genre, track number, year' })
  audioTags?: AudioTagsInput | null;
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
