import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { UserError } from '@wetube/platform';

@ObjectType('Caption', { description: 'A subtitle track of a video (one per language), served as an HLS subtitle rendition' })
export class CaptionType {
  @Field({ description: 'BCP 47 language tag, canonical (en, pt-BR, zh-Hant)' })
  language: string;
  @Field({ description: "The name players show in their captions menu (by default the language's own name for itself)" })
  label: string;
  @Field({ description: 'The whole track as one WebVTT file' })
  url: string;
  @Field({ description: "The track's subtitle media playlist (segmented WebVTT), as the master playlist names it" })
  playlistUrl: string;
  @Field(() => Int)
  cueCount: number;
  @Field({ description: 'What was uploaded: vtt or srt (SRT is converted to WebVTT)' })
  sourceFormat: string;
  @Field()
  updatedAt: Date;
}

@InputType()
export class UploadCaptionInput {
  @Field(() => ID)
  videoId: string;
  @Field({ description: 'BCP 47 language tag; a track in that language is replaced' })
  language: string;
  @Field(() => String, { nullable: true, description: "Shown in the player's menu; default: the language's own name" })
  label?: string | null;
  @Field({
    description:
      'The WebVTT or SRT file as text. GraphQL requests are limited to 100 kB by the api; send bigger files (up to 1 MB) to POST /api/videos/:id/captions/:language',
  })
  text: string;
}

@ObjectType()
export class CaptionPayload {
  @Field(() => CaptionType, { nullable: true })
  caption: CaptionType | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class DeleteCaptionPayload {
  @Field(() => String, { nullable: true, description: 'The language whose track was deleted' })
  deletedLanguage: string | null;
  @Field(() => [UserError])
  userErrors: UserError[];
}
