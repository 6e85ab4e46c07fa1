import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTeamsSender } from '../../../bot/notify/teamsSender.js';
import { spawnFakeConnector, type RemoteFakeConnector } from '../../helpers/fakeConnector.js';
import { localAdapter, teamsReference } from './notifyFixtures.js';

// The form end-to-end tests use when their process has loaded restify: the fake connector in a child process.
describe('the Teams sender against the fake connector running in its own process', () => {
  let connector: RemoteFakeConnector;
  beforeAll(async () => {
    connector = await spawnFakeConnector();
  });
  afterAll(async () => {
    await connector.close();
  });

  it('records what was sent and answers scripted failures, outages and updates', async () => {
    const sender = createTeamsSender(localAdapter(), '');
    const reference = teamsReference(connector.url);

    const { activityId } = await sender.send(reference, { type: 'message', text: 'Your request has been received.' });
    const post = await connector.waitFor((r) => r.route === 'send');
    expect(post.body.text).toBe('Your request has been received.');
    expect(activityId).toBe(post.answeredId);

    await connector.fail({ status: 429, retryAfter: 4, path: '/activities' });
    await expect(sender.send(reference, { type: 'message', text: 'x' })).rejects.toMatchObject({ kind: 'retryable', retryAfterMs: 4000 });

    await connector.down();
    await expect(sender.send(reference, { type: 'message', text: 'x' })).rejects.toMatchObject({ reason: 'ECONNREFUSED' });
    await connector.up();

    await sender.update(reference, activityId, { type: 'message', text: 'Your request has been approved.' });
    expect((await connector.updates()).map((u) => u.body.text)).toEqual(['Your request has been approved.']);
    expect(await connector.posts()).toHaveLength(1);
    expect((await connector.requests()).map((r) => r.status)).toEqual([200, 429, 200]);
  });
});
