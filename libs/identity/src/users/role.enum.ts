import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  VIEWER = 'viewer',
  CREATOR = 'creator',
  ADVERTISER = 'advertiser',
  ADMIN = 'admin',
}

registerEnumType(Role, { name: 'Role', description: 'What an account may do' });
