/** A new endpoint, as createWebhook takes it. */
export interface NewWebhook {
  url: string;
  description?: string | null;
  /** Empty or absent: every event type. */
  eventTypes?: string[] | null;
}

/** updateWebhook: absent (or null) fields stay as they are; an empty `description` clears it. */
export interface WebhookChanges {
  url?: string | null;
  description?: string | null;
  eventTypes?: string[] | null;
  /** true re-enables an endpoint the server disabled; false stops deliveries until re-enabled. */
  enabled?: boolean | null;
}

/** What the service needs of the WEBHOOK_* settings. */
export interface WebhookRules {
  allowPrivateNetworks: boolean;
  maxEndpoints: number;
}
