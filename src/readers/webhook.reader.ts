import DataLoader from 'dataloader';
import { WebhookDeliveryStatus } from '../domain/enums';
import { selectList } from '../entities/columns';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { Webhook } from '../entities/webhook.entity';
import { ForbiddenError } from '../errors/api-errors';
import { createRowsByIdLoader } from '../loaders/rows-by-id';
import { createWindowedPageLoader } from '../loaders/windowed-page.loader';
import { Connection } from '../pagination/connection';
import { KeysetOrder } from '../pagination/keyset-order';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size';
import { canManageWebhooks } from '../policy/webhook.policy';
import { ReaderScope } from './reader-scope';

/** Webhook.deliveries: newest first (deliveries aliased `d`). */
const NEWEST_DELIVERY_FIRST: KeysetOrder = {
  name: 'delivery',
  column: 'd.created_at',
  type: 'timestamptz',
  direction: 'DESC',
  idColumn: 'd.id',
};

/** Secrets are not columns of the entity, so no read here can carry one. */
const WEBHOOK_COLUMNS = selectList(Webhook, 'w');
const DELIVERY_COLUMNS = selectList(WebhookDelivery, 'd');

export interface DeliveryPage {
  first?: number | null;
  after?: string | null;
  status?: WebhookDeliveryStatus | null;
}

/**
 * The only way to webhooks and their deliveries, for admins (webhook.policy.ts): everyone else
 * gets FORBIDDEN from the lists and null from `node`. Deliveries of many webhooks are read in one
 * windowed statement per status asked for, whatever the number of webhooks.
 */
export class WebhookReader {
  // Made when first asked for: most requests never read a webhook, and every request makes readers.
  private webhookRows?: DataLoader<string, Webhook | null>;
  private deliveryRows?: DataLoader<string, WebhookDelivery | null>;
  /** One page loader per status filter ('' for all). */
  private readonly pages = new Map<string, ReturnType<typeof createWindowedPageLoader<WebhookDelivery>>>();

  constructor(private readonly scope: ReaderScope) {}

  private allowed(): boolean {
    return canManageWebhooks(this.scope.viewer());
  }

  /** Query.webhooks: every endpoint, oldest first. */
  async all(): Promise<Webhook[]> {
    if (!this.allowed()) throw new ForbiddenError();
    return (await this.scope.db.query(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w ORDER BY w.created_at, w.id`,
    )) as Webhook[];
  }

  async byId(id: string): Promise<Webhook | null> {
    if (!this.allowed()) return null;
    this.webhookRows ??= createRowsByIdLoader(this.scope.db, {
      table: 'webhooks',
      alias: 'w',
      columns: WEBHOOK_COLUMNS,
    });
    return this.webhookRows.load(id);
  }

  async deliveryById(id: string): Promise<WebhookDelivery | null> {
    if (!this.allowed()) return null;
    this.deliveryRows ??= createRowsByIdLoader(this.scope.db, {
      table: 'webhook_deliveries',
      alias: 'd',
      columns: DELIVERY_COLUMNS,
    });
    return this.deliveryRows.load(id);
  }

  /** Webhook.deliveries: newest first, optionally of one status. */
  deliveriesOf(webhookId: string, page: DeliveryPage): Promise<Connection<WebhookDelivery>> {
    if (!this.allowed()) throw new ForbiddenError();
    const status = page.status ?? '';
    let loader = this.pages.get(status);
    if (!loader) {
      loader = createWindowedPageLoader<WebhookDelivery>(this.scope.db, {
        order: NEWEST_DELIVERY_FIRST,
        select: `SELECT ${DELIVERY_COLUMNS}`,
        from: 'FROM webhook_deliveries d',
        parentColumn: 'd.webhook_id',
        // Enum values only (checked by GraphQL), so inlining one is safe.
        where: status ? [`d.status = '${status}'`] : [],
      });
      this.pages.set(status, loader);
    }
    return loader.load({ parentId: webhookId, first: page.first ?? DEFAULT_PAGE_SIZE, after: page.after ?? null });
  }
}
