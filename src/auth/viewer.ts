import { Role } from '../domain/enums';

/** Who is asking: the signed-in author's id and role, from a verified token. */
export interface Viewer {
  id: string;
  role: Role;
}

/** Editors and admins act on every post; authors on their own. */
export function isStaffEditor(viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === Role.EDITOR || viewer.role === Role.ADMIN);
}
