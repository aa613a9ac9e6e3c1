/** The GraphQL types whose ids `Query.node` understands. */
export type NodeTypeName =
  'Author' | 'Post' | 'PostRevision' | 'Comment' | 'RelatedLink' | 'Redirect' | 'Media' | 'Webhook' | 'WebhookDelivery';

/** An opaque id: base64url of `Type:uuid`, so one id works in `node` and in every typed field. */
export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}
