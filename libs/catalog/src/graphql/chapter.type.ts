import { Field, Float, ObjectType } from '@nestjs/graphql';
import type { Chapter } from '../chapters/chapters';

@ObjectType('Chapter', { description: 'A chapter from the description\'s timestamp lines ("0:00 Intro")' })
export class ChapterType {
  @Field(() => Float, { description: 'Where the chapter starts, in seconds' })
  startSec: number;
  @Field()
  title: string;

  static from(c: Chapter): ChapterType {
    return Object.assign(new ChapterType(), c);
  }
}
