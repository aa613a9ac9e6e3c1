import { Role } from '../domain/enums';

/** A new author account, as `createAuthor` and the bootstrap admin give it. */
export interface NewAuthor {
  name: string;
  email: string;
  password: string;
  role: Role;
  /** Derived from the name when absent. */
  slug?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
}

/** A profile change: absent fields stay; `currentPassword` is needed to change your own password. */
export interface AuthorChanges {
  name?: string | null;
  slug?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
  password?: string | null;
  currentPassword?: string | null;
}
