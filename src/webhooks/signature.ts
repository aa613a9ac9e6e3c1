import { Webhook } from 'standardwebhooks';

/**
 * The `webhook-signature` header of one attempt: `v1,<base64 HMAC-SHA256 of id.timestamp.body>`
 * by each secret (the current one, and the previous one for 24 hours after a rotation),
 * space-separated, as Standard Webhooks receivers accept them. Signed by the official
 * `standardwebhooks` package, the one receivers verify with, so the two cannot disagree.
 */
export function signatureHeader(secrets: string[], messageId: string, at: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' ');
}
