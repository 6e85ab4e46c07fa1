import { describe, expect, it } from '@jest/globals';
import { invokeRefusal, MALFORMED_CARD_ACTION, UNKNOWN_INVOKE } from '../../../bot/teams/invokeGuard.js';

const NAME = 'adaptiveCard/action';
const execute = (action: Record<string, unknown>) => ({ action: { type: 'Action.Execute', ...action } });

describe('checking an invoke before botbuilder reads it', () => {
  it.each<[string, unknown]>([
    ['no value', undefined],
    ['an empty value', {}],
    ['a string', 'refreshCard'],
    ['an array', [execute({ verb: 'refreshCard', data: {} })]],
    ['a null action', { action: null }],
    ['an action that is a string', { action: 'Action.Execute' }],
    ['no verb', execute({ data: { ticketId: 'UCP-000001' } })],
    ['a blank verb', execute({ verb: '  ', data: {} })],
    ['a verb that is not a string', execute({ verb: 7, data: {} })],
    ['a verb longer than any card uses', execute({ verb: 'v'.repeat(65), data: {} })],
    ['no data', execute({ verb: 'refreshCard' })],
    ['data that is a string', execute({ verb: 'refreshCard', data: 'UCP-000001' })],
    ['data that is an array', execute({ verb: 'refreshCard', data: ['UCP-000001'] })],
    ['data that is null', execute({ verb: 'refreshCard', data: null })],
    ['an action type other than Action.Execute', { action: { type: 'Action.Submit', verb: 'refreshCard', data: {} } }],
  ])('refuses a card action with %s with 400 and the same neutral error', (_name, value) => {
    expect(invokeRefusal({ name: NAME, value })).toEqual({
      status: 400,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: MALFORMED_CARD_ACTION } },
    });
  });

  it.each<[string, unknown]>([
    ['task/fetch', 'task/fetch'],
    ['composeExtension/query', 'composeExtension/query'],
    ['signin/verifyState', 'signin/verifyState'],
    ['no name', undefined],
    ['a name that is not a string', 42],
  ])('refuses an invoke it does not answer (%s) with 400', (_label, name) => {
    expect(invokeRefusal({ name, value: execute({ verb: 'refreshCard', data: {} }) })).toEqual({
      status: 400,
      body: { error: UNKNOWN_INVOKE },
    });
  });

  it('lets a well-formed card action through, whatever its verb: the card handlers answer an unknown verb themselves', () => {
    expect(
      invokeRefusal({ name: NAME, value: execute({ verb: 'approveOrganisation', data: { ticketId: 'UCP-000001', version: 3 } }) }),
    ).toBeUndefined();
    expect(invokeRefusal({ name: NAME, value: execute({ verb: 'notAVerb', data: {} }) })).toBeUndefined();
  });
});
