import { NodeTypeName, toGlobalId } from '../domain/global-id';
import { UUID } from '../domain/uuid';
import { BadUserInputError, NotFoundError } from '../errors/api-errors';

export type { NodeTypeName };
export { toGlobalId };

const NODE_TYPES: ReadonlySet<string> = new Set<NodeTypeName>([
  'Author',
  'Post',
  'PostRevision',
  'Comment',
  'RelatedLink',
  'Redirect',
  'Media',
  'Webhook',
  'WebhookDelivery',
]);

/** Reads any global id; a malformed one is BAD_USER_INPUT naming `field`. */
export function fromGlobalId(globalId: string, field: string): { type: NodeTypeName; id: string } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon < 0 || !NODE_TYPES.has(type) || !UUID.test(id) || toGlobalId(type as NodeTypeName, id) !== globalId) {
    throw new BadUserInputError(`"${globalId}" is not a valid id.`, field);
  }
  return { type: type as NodeTypeName, id };
}

/**
 * For lookups (`post(id:)`, `comment(id:)`): the row id behind a global id of `type`, or null
 * when it is a well-formed id of another type, which is "no such thing" rather than bad input.
 */
export function lookupId(globalId: string, type: NodeTypeName, field: string): string | null {
  const parsed = fromGlobalId(globalId, field);
  return parsed.type === type ? parsed.id : null;
}

/**
 * For mutations: the row id behind a global id of `type`. A well-formed id of another type
 * names nothing there, so it is NOT_FOUND (`what` names the missing thing in the message).
 */
export function targetId(globalId: string, type: NodeTypeName, field: string, what: string = type): string {
  const id = lookupId(globalId, type, field);
  if (id === null) throw new NotFoundError(what);
  return id;
}
