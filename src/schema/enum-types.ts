import { registerEnumType } from 'type-graphql';
import {
  CommentStatus,
  ImageFormat,
  PostStatus,
  RedirectSource,
  RelatedLinkKind,
  Role,
  WebhookDeliveryStatus,
} from '../domain/enums';

let registered = false;

/** Makes the domain's enums GraphQL enums; once per process, before the schema is built. */
export function registerEnumTypes(): void {
  if (registered) return;
  registered = true;
  registerEnumType(Role, { name: 'Role' });
  registerEnumType(PostStatus, { name: 'PostStatus' });
  registerEnumType(CommentStatus, { name: 'CommentStatus' });
  registerEnumType(RelatedLinkKind, { name: 'RelatedLinkKind' });
  registerEnumType(RedirectSource, {
    name: 'RedirectSource',
    valuesConfig: {
      SLUG_CHANGE: { description: "Made when a post's slug changed." },
      IMPORT: { description: "Made by an import, from the old platform's URL." },
      MANUAL: { description: 'Made by an editor.' },
    },
  });
  registerEnumType(ImageFormat, { name: 'ImageFormat' });
  registerEnumType(WebhookDeliveryStatus, {
    name: 'WebhookDeliveryStatus',
    valuesConfig: {
      PENDING: { description: 'Not yet delivered; nextAttemptAt says when it is tried again.' },
      FAILED: { description: 'Every attempt failed, or the endpoint answered 410 Gone.' },
    },
  });
}
