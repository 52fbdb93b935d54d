import type { ChangeRecord, Customer, Department, Id, PermissionGroup, Pool, Role, User } from '../../lib/domain/types';
import type { LogType } from '../../lib/domain/log-types';

export type SeedUser = User & { token: string };

/** A customer as written in a seed: the bookkeeping fields are optional. */
export type SeedCustomer = Omit<Customer, 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'> &
  Partial<Pick<Customer, 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>>;

export interface SeedFollow {
  userId: Id;
  customerId: Id;
}

export interface SeedLog {
  customerId: Id;
  type: LogType;
  at: string;
  actorId: Id | null;
  details: string;
  changes?: ChangeRecord[];
}

export interface SeedFile {
  version: 1;
  departments: Department[];
  roles: Role[];
  users: SeedUser[];
  permissionGroups: PermissionGroup[];
  pools: Pool[];
  customers: SeedCustomer[];
  follows?: SeedFollow[];
  /** Inserted in file order: their seq numbers follow it, so give them oldest first. */
  logs?: SeedLog[];
}
