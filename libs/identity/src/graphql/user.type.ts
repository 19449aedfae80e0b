import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '../users/role.enum';
import { UserEntity } from '../users/user.entity';
import { UserError } from '@wetube/platform';

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Only visible to the account itself' })
  email: string | null;

  @Field(() => [Role])
  roles: Role[];

  @Field()
  createdAt: Date;

  static from(user: UserEntity, opts: { withEmail?: boolean } = {}): UserType {
    return Object.assign(new UserType(), {
      id: user.id,
      displayName: user.displayName,
      email: opts.withEmail ? user.email : null,
      roles: user.roles,
      createdAt: user.createdAt,
    });
  }
}

@ObjectType({ description: 'What happened to the account since its last sign-in (given once, at the next sign-in that works)' })
export class SecurityNotice {
  @Field(() => Int, { description: 'Wrong passwords given for this account since its last sign-in' })
  failedAttempts: number;

  @Field(() => Int, { description: 'Times the account was locked for too many wrong passwords meanwhile' })
  lockouts: number;
}

@ObjectType()
export class AuthPayload {
  @Field(() => UserType, { nullable: true })
  user: UserType | null;

  @Field(() => String, { nullable: true, description: 'Bearer token for API clients (the web uses the cookie)' })
  token: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];

  @Field(() => SecurityNotice, { nullable: true, description: 'Set on a sign-in after failed attempts or a lock: show it to the owner' })
  securityNotice?: SecurityNotice | null;
}

@ObjectType()
export class UserPayload {
  @Field(() => UserType, { nullable: true })
  user: UserType | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class RegisterInput {
  @Field()
  email: string;

  @Field()
  password: string;

  @Field()
  displayName: string;

  @Field(() => String, { nullable: true, description: '"creator" (default) or "advertiser"' })
  accountType?: 'creator' | 'advertiser';
}

@InputType()
export class LoginInput {
  @Field()
  email: string;

  @Field()
  password: string;
}

@InputType()
export class UpdateProfileInput {
  @Field()
  displayName: string;
}
