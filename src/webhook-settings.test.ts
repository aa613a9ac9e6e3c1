import { loadWebhookSettings } from './webhook-settings';

describe('loadWebhookSettings', () => {
  it("has the contract's defaults", () => {
    expect(loadWebhookSettings({}, false)).toEqual({
      timeoutMs: 10_000,
      retryScheduleMs: [5, 300, 1800, 7200, 18000, 36000, 36000].map((s) => s * 1000),
      disableAfterMs: 120 * 3_600_000,
      allowPrivateNetworks: true,
      deliveriesKept: 1000,
      maxEndpoints: 50,
    });
  });

  it('refuses private networks by default in production, unless WEBHOOK_ALLOW_PRIVATE_NETWORKS says otherwise', () => {
    expect(loadWebhookSettings({}, true).allowPrivateNetworks).toBe(false);
    expect(loadWebhookSettings({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, true).allowPrivateNetworks).toBe(true);
    expect(loadWebhookSettings({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }, false).allowPrivateNetworks).toBe(false);
  });

  it('reads the retry schedule in seconds, fractions too; an empty one means no retries', () => {
    expect(loadWebhookSettings({ WEBHOOK_RETRY_SCHEDULE: '0.5, 2,60' }, false).retryScheduleMs).toEqual([
      500, 2000, 60_000,
    ]);
    expect(loadWebhookSettings({ WEBHOOK_RETRY_SCHEDULE: '' }, false).retryScheduleMs).toEqual([]);
  });

  it.each([
    { WEBHOOK_RETRY_SCHEDULE: '5,,300' },
    { WEBHOOK_RETRY_SCHEDULE: '5,soon' },
    { WEBHOOK_TIMEOUT_MS: '0' },
    { WEBHOOK_DISABLE_AFTER_HOURS: '-1' },
    { WEBHOOK_DELIVERIES_KEPT: '1.5' },
  ])('refuses %j with a readable error', (env) => {
    expect(() => loadWebhookSettings(env, false)).toThrow(/WEBHOOK_/);
  });
});
