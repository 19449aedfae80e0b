import { Field, ObjectType } from '@nestjs/graphql';

/** A business error a person can act on, returned in mutation payloads (never thrown). */
@ObjectType()
export class UserError {
  @Field(() => [String], { description: 'Path of the input field at fault, e.g. ["input","email"]' })
  field: string[];

  @Field()
  message: string;

  @Field({ description: 'Stable machine-readable code, e.g. EMAIL_TAKEN' })
  code: string;

  static of(field: string, message: string, code: string): UserError {
    return Object.assign(new UserError(), { field: ['input', field], message, code });
  }
}
