import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { SeederNodeEntity } from './seeder-node.entity';

/** The seeder_nodes table: every query on it. The rules (signatures, names, ownership) are in SeederNodesService. */
@Injectable()
export class SeederNodesRepository {
  constructor(@InjectRepository(SeederNodeEntity) private readonly seeders: Repository<SeederNodeEntity>) {}

  findByPublicKey(publicKey: string): Promise<SeederNodeEntity | null> {
    return this.seeders.findOneBy({ publicKey });
  }

  /** Inserts a new node (rejects on a taken public key: the unique index) and returns it as an entity. */
  async insert(fields: SeederNodeEntity): Promise<SeederNodeEntity> {
    const seeder = this.seeders.create(fields);
    await this.seeders.insert(seeder);
    return seeder;
  }

  async update(id: string, changes: Partial<Pick<SeederNodeEntity, 'name' | 'lastSeenAt'>>): Promise<void> {
    await this.seeders.update({ id }, changes);
  }

  /** The account's nodes, first registered first. */
  findByOwner(ownerId: string): Promise<SeederNodeEntity[]> {
    return this.seeders.find({ where: { ownerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Public key and owner of the nodes with these keys. */
  findOwners(publicKeys: string[]): Promise<Array<Pick<SeederNodeEntity, 'publicKey' | 'ownerId'>>> {
    return this.seeders.find({ where: { publicKey: In(publicKeys) }, select: { publicKey: true, ownerId: true } });
  }
}
