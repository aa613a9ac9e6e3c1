import { Viewer } from '../auth/viewer';
import { Role } from '../domain/enums';

/**
 * Webhooks are the site's integrations: only admins register, see, test and change them (their
 * deliveries carry every event, drafts included). Everyone else meets them nowhere: `node` of a
 * webhook's id is null for them, and the operations are FORBIDDEN (the auth checker).
 */
export function canManageWebhooks(viewer: Viewer | null): boolean {
  return viewer?.role === Role.ADMIN;
}
