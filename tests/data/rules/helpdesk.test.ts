import { describe, expect, it } from '@jest/globals';
import { contactSentence, helpdeskTiming, supportContact } from '../../../data/rules/helpdesk.js';

describe('what people are told about the UCP helpdesk', () => {
  it.each([
    [
      'nothing configured: source 000 "You can contact the UCP Support team here [Contact – … (onelondon.online)]"',
      {},
      'the UCP Support team through the Contact page of the UCP website (onelondon.online)',
    ],
    ['UCP_SUPPORT_CONTACT set', { supportContact: '020 3000 0000' }, 'the UCP Support team: 020 3000 0000'],
  ])('names the support contact (%s)', (_what, facts, expected) => {
    expect(supportContact(facts)).toBe(expected);
  });

  it('gives the hours of source 001 ("Monday to Friday, 9AM to 5PM except for any public/bank holidays") with the contact', () => {
    expect(contactSentence({})).toContain('The helpdesk is open Monday to Friday, 9am to 5pm, except bank holidays.');
  });

  it('can leave the hours out where the same message already gives them', () => {
    expect(contactSentence({ supportContact: '020 3000 0000' }, { withHours: false })).toBe(
      'You can contact the UCP Support team: 020 3000 0000.',
    );
  });

  it('promises a time only when a target is configured, never a number of its own', () => {
    const by = (days: number) => `day ${days}`;
    expect(helpdeskTiming({}, by)).toBe('in its working hours (Monday to Friday, 9am to 5pm, except bank holidays)');
    expect(helpdeskTiming({ targetWorkingDays: 3 }, by)).toBe('usually within 3 working days (by about day 3)');
    expect(helpdeskTiming({ targetWorkingDays: 3 }, by, 5)).toBe('usually within 3 working days (by about day 8)');
  });
});
