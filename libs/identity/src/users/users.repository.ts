import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/** The users table: every query on it. The rules (validation, roles, passwords) are in UsersService. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** `email` as stored (normalized by the caller). */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email });
  }

  existsByEmail(email: string): Promise<boolean> {
    return this.users.existsBy({ email });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany() : Promise.resolve([]);
  }

  /** Id and display name of the users among `ids` (unknown ids are left out). */
  findDisplayNames(ids: string[]): Promise<Pick<UserEntity, 'id' | 'displayName'>[]> {
    return ids.length ? this.users.find({ select: { id: true, displayName: true }, where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** Inserts a new user (rejects on a taken email: the unique index) and returns it as an entity. */
  async insert(fields: UserEntity): Promise<UserEntity> {
    const user = this.users.create(fields);
    await this.users.insert(user);
    return user;
  }

  async update(id: string, changes: Partial<Pick<UserEntity, 'displayName' | 'updatedAt'>>): Promise<void> {
    await this.users.update({ id }, changes);
  }
}
