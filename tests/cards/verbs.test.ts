import { describe, it, expect } from '@jest/globals';
import { cardVerbsFor, isCardVerb, parseCardAction, type ActingAudience } from '../../cards/verbs.js';
import type { TicketState } from '../../data/model.js';
import { MAX_REASON } from '../../data/workflow/decide.js';

const ref = { ticketId: 'UCP-000123', version: 7 };

describe('parseCardAction', () => {
  it.each([
    ['approveOrganisation', ref, ref],
    ['resolveTicket', ref, ref],
    ['closeTicket', ref, ref],
    ['rejectOrganisation', { ...ref, rejectReason: '  Not in our area.  ' }, { ...ref, reason: 'Not in our area.' }],
    ['requestInformation', { ...ref, requestReason: 'Which e-mail?' }, { ...ref, reason: 'Which e-mail?' }],
    ['assignTicket', { ...ref, assignee: 'aad-agent-bea' }, { ...ref, assignee: 'aad-agent-bea' }],
    [
      'tickChecklist',
      { ...ref, item: 'dsptChecked', checklist_dsptChecked: 'true', checklist_odsVerified: 'false' },
      { ...ref, item: 'dsptChecked', ticked: true },
    ],
    ['tickChecklist', { ...ref, item: 'odsVerified', checklist_odsVerified: 'false' }, { ...ref, item: 'odsVerified', ticked: false }],
    ['refreshCard', { ticketId: 'UCP-000123' }, { ticketId: 'UCP-000123' }],
    ['refreshCard', ref, ref],
  ])('reads %s with the inputs Teams merged into its data', (verb, data, expected) => {
    expect(parseCardAction(verb, data)).toEqual({ ok: true, action: { verb, data: expected } });
  });

  it('reads a checklist toggle for its own item only, ignoring the other toggles on the card', () => {
    const result = parseCardAction('tickChecklist', {
      ...ref,
      item: 'dpiaChecked',
      checklist_dpiaChecked: 'false',
      checklist_odsVerified: 'true',
    });
    expect(result).toEqual({ ok: true, action: { verb: 'tickChecklist', data: { ...ref, item: 'dpiaChecked', ticked: false } } });
  });

  it('reads the ask-for-information button of an ICS card posted before it became requestInformation, with its own box', () => {
    expect(parseCardAction('askForInformation', { ...ref, askReason: 'Which borough?' })).toEqual({
      ok: true,
      action: { verb: 'requestInformation', data: { ...ref, reason: 'Which borough?' } },
    });
  });

  it.each([
    ['an unknown verb', 'deleteEverything', ref],
    ['no data', 'approveOrganisation', undefined],
    ['data that is a list', 'approveOrganisation', [ref]],
    ['no ticket id', 'approveOrganisation', { version: 7 }],
    ['a ticket id with odd characters', 'approveOrganisation', { ticketId: '../etc/passwd', version: 7 }],
    ['no version', 'resolveTicket', { ticketId: 'UCP-000123' }],
    ['a version as text', 'resolveTicket', { ticketId: 'UCP-000123', version: '7' }],
    ['a fractional version', 'resolveTicket', { ticketId: 'UCP-000123', version: 7.5 }],
    ['a reject with no reason', 'rejectOrganisation', ref],
    ['a reject with only spaces', 'rejectOrganisation', { ...ref, rejectReason: '   ' }],
    ['a reason that is too long', 'requestInformation', { ...ref, requestReason: 'x'.repeat(MAX_REASON + 1) }],
    ['a reason sent outside its box, as no card sends it', 'rejectOrganisation', { ...ref, reason: 'Sent as plain reason' }],
    ['an answer sent as a plain reason', 'provideInformation', { ...ref, reason: 'Lewisham' }],
    ['an assign with nobody chosen', 'assignTicket', { ...ref, assignee: '' }],
    ['a tick of an unknown item', 'tickChecklist', { ...ref, item: 'coffeeMade', checklist_coffeeMade: 'true' }],
    ['a tick as a bare true, with no toggle as no card sends it', 'tickChecklist', { ...ref, item: 'accountsCreated', ticked: true }],
    ['a tick with no value', 'tickChecklist', { ...ref, item: 'odsVerified' }],
    [
      'a tick with a toggle value that is not true or false',
      'tickChecklist',
      { ...ref, item: 'odsVerified', checklist_odsVerified: 'yes' },
    ],
    ['a refresh with no ticket id', 'refreshCard', {}],
  ])('refuses %s with a plain message', (_what, verb, data) => {
    const result = parseCardAction(verb, data);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^[A-Z][^{}<>]+\.$/);
      expect(result.error).not.toContain('passwd');
    }
  });

  it('asks for a reason in words the person understands', () => {
    expect(parseCardAction('requestInformation', { ...ref, requestReason: '' })).toEqual({
      ok: false,
      error: 'Please give a reason: the care home will see it.',
    });
  });

  it('asks the care home for their answer, not a reason', () => {
    expect(parseCardAction('provideInformation', { ...ref, answer: ' ' })).toEqual({
      ok: false,
      error: 'Please type your answer before sending it.',
    });
  });

  it('knows exactly the card verbs', () => {
    expect(isCardVerb('approveOrganisation')).toBe(true);
    expect(isCardVerb('approve')).toBe(false);
    expect(isCardVerb('constructor')).toBe(false);
  });
});

describe('cardVerbsFor', () => {
  it.each<[string, TicketState, ActingAudience, string[]]>([
    [
      'an ICS lead, awaiting their approval',
      'awaitingIcsApproval',
      'icsLead',
      ['approveOrganisation', 'rejectOrganisation', 'requestInformation'],
    ],
    ['the helpdesk, awaiting their approval', 'awaitingIcsApproval', 'helpdesk', []],
    [
      'the helpdesk, at work on it',
      'assigned',
      'helpdesk',
      ['assignTicket', 'confirmChecks', 'requestInformation', 'resolveTicket', 'tickChecklist'],
    ],
    ['an ICS lead, at the helpdesk', 'assigned', 'icsLead', []],
    ['the care home, asked for information', 'needsInformation', 'requester', ['provideInformation', 'withdrawRequest']],
    ['the helpdesk, once it is resolved', 'resolved', 'helpdesk', ['closeTicket']],
  ])('offers %s only the buttons the transition table allows them', (_who, state, audience, verbs) => {
    expect([...cardVerbsFor(state, audience)].sort()).toEqual(verbs);
  });
});
