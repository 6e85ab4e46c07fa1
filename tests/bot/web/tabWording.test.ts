import { describe, expect, it } from '@jest/globals';
import { actionLabel } from '../../../bot/web/tabWording.js';

describe("the tab's words for audit actions", () => {
  it.each([
    ['requestInformation', 'Sent back for more information'],
    // Recorded before the ICS lead's and the helpdesk's request for information became one verb.
    ['askForInformation', 'Sent back for more information'],
    ['confirmChecks', 'Automatic checks confirmed'],
    ['check', 'Checked automatically'],
    ['somethingNew', 'Recorded: somethingNew'],
  ])('reads %s as "%s"', (action, label) => {
    expect(actionLabel(action)).toBe(label);
  });
});
