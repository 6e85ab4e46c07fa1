import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMetrics, type Metrics } from '../../../bot/metrics/metrics.js';
import { createMailer, type Mailer } from '../../../bot/notify/mailer.js';
import { createNotifier, type Notifier } from '../../../bot/notify/notifier.js';
import { createTeamsSender } from '../../../bot/notify/teamsSender.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import type { Store } from '../../../data/store/store.js';
import { startFakeConnector, type FakeConnector } from '../../helpers/fakeConnector.js';
import { sample } from '../../helpers/metricSamples.js';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtpServer.js';
import { fakeSleep, localAdapter, MANAGER_AAD, seedConversation, teamsReference } from './notifyFixtures.js';

const approved = {
  key: 'T-000123:approved:requester',
  recipient: { aadObjectId: MANAGER_AAD, email: 'grace.adeyemi@nhs.net' },
  subject: 'Your UCP access request has been approved',
  text: 'Good news: your request has been approved.',
};

describe('the notifier counts each delivery step in the metrics', () => {
  let connector: FakeConnector;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let store: Store;
  let metrics: Metrics;
  let notifier: Notifier;

  beforeAll(async () => {
    connector = await startFakeConnector();
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await connector.close();
    await smtp.close();
  });
  beforeEach(async () => {
    connector.reset();
    smtp.clear();
    store = await openMemoryStore();
    await seedConversation(store, `user:${MANAGER_AAD}`, teamsReference(connector.url));
    mailer = createMailer(
      { host: smtp.host, port: smtp.port, secure: false, user: smtp.user, password: smtp.password, from: 'ucp.onboarding@nhs.net' },
      { tls: { ca: smtp.certificate } },
    ) as Mailer;
    metrics = createMetrics();
    notifier = createNotifier({
      store,
      teams: createTeamsSender(localAdapter(), ''),
      mailer,
      clock: () => new Date('2026-03-02T10:00:00.000Z'),
      retry: { sleep: fakeSleep().sleep },
      metrics,
    });
  });
  afterEach(async () => {
    await notifier.stop();
    mailer.close();
  });

  const count = (channel: string, outcome: string) =>
    sample(metrics.registry, `ucp_notifications_total{channel="${channel}",outcome="${outcome}"}`);

  it('counts a message Teams accepted as sent', async () => {
    await notifier.notify(approved);
    expect(await count('teams', 'sent')).toBe(1);
    expect(await count('teams', 'retried')).toBeUndefined();
  });

  it('counts a 429 and the retry after it, then the delivery', async () => {
    connector.fail({ status: 429, retryAfter: 1 });
    await notifier.notify(approved);
    expect(await count('teams', 'throttled-429')).toBe(1);
    expect(await count('teams', 'retried')).toBe(1);
    expect(await count('teams', 'sent')).toBe(1);
  });

  it('counts a 403 as refused, then the fall back to e-mail and the e-mail sent', async () => {
    connector.fail({ status: 403 });
    await notifier.notify(approved);
    expect(await count('teams', 'refused-403')).toBe(1);
    expect(await count('teams', 'email-fallback')).toBe(1);
    expect(await count('email', 'sent')).toBe(1);
    expect(await metrics.registry.metrics()).not.toMatch(/grace|T-000123|nhs\.net/);
  });

  it('counts a message whose connection dropped after it was sent as unconfirmed, and does not fall back to e-mail', async () => {
    connector.fail({ status: 'drop' });
    await notifier.notify(approved);
    expect(await count('teams', 'unconfirmed')).toBe(1);
    expect(await count('teams', 'email-fallback')).toBeUndefined();
  });
});
