import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, UserError } from '@wetube/platform';
import { hashPassword, verifyPassword } from '../auth/password.hasher';
import { RegistrationInput, validateRegistration } from './registration.validator';
import { Role } from './role.enum';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export type AccountType = 'creator' | 'advertiser';

export type RegisterResult = { ok: true; user: UserEntity } | { ok: false; errors: UserError[] };

const ROLES_BY_ACCOUNT: Record<AccountType, Role[]> = {
  creator: [Role.VIEWER, Role.CREATOR],
  advertiser: [Role.VIEWER, Role.ADVERTISER],
};

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly config: AppConfig,
  ) {}

  async register(input: RegistrationInput & { accountType?: AccountType; roles?: Role[] }): Promise<RegisterResult> {
    const errors = validateRegistration(input);
    if (input.accountType && !(input.accountType in ROLES_BY_ACCOUNT)) {
      errors.push(UserError.of('accountType', 'Choose "creator" or "advertiser".', 'INVALID_ACCOUNT_TYPE'));
    }
    if (errors.length) return { ok: false, errors };
    const email = normalizeEmail(input.email);
    if (await this.users.existsByEmail(email)) {
      return { ok: false, errors: [UserError.of('email', 'An account with this email already exists.', 'EMAIL_TAKEN')] };
    }
    const now = new Date();
    const fields: UserEntity = {
      id: randomUUID(),
      email,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName.trim(),
      roles: [
        ...(input.roles ?? ROLES_BY_ACCOUNT[input.accountType ?? 'creator']),
        ...(this.config.adminEmails.has(email) ? [Role.ADMIN] : []),
      ],
      createdAt: now,
      updatedAt: now,
    };
    let user: UserEntity;
    try {
      user = await this.users.insert(fields);
    } catch (err) {
      // Two registrations racing for one email: the unique index decides.
      if (await this.users.existsByEmail(email)) {
        return { ok: false, errors: [UserError.of('email', 'An account with this email already exists.', 'EMAIL_TAKEN')] };
      }
      throw err;
    }
    return { ok: true, user };
  }

  /** The user whose email and password match, or null (same answer for unknown email and bad password). */
  async authenticate(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findByEmail(normalizeEmail(email ?? ''));
    if (!user) {
      await hashPassword(password ?? ''); // same work either way: no account enumeration by timing
      return null;
    }
    return (await verifyPassword(password ?? '', user.passwordHash)) ? user : null;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(normalizeEmail(email));
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return this.users.findByIds(ids);
  }

  /** Display names by user id (other libs name people with them: the ad server its advertisers); unknown ids are not in the map. */
  async displayNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const rows = await this.users.findDisplayNames([...new Set(ids)]);
    return new Map(rows.map((u) => [u.id, u.displayName]));
  }

  async updateDisplayName(id: string, displayName: string): Promise<{ ok: true; user: UserEntity } | { ok: false; errors: UserError[] }> {
    const name = (displayName ?? '').trim();
    if (name.length < 1 || name.length > 80) {
      return { ok: false, errors: [UserError.of('displayName', 'Use 1 to 80 characters for the display name.', 'INVALID_DISPLAY_NAME')] };
    }
    await this.users.update(id, { displayName: name, updatedAt: new Date() });
    return { ok: true, user: (await this.findById(id))! };
  }
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
