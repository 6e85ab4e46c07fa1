import { describe, it, expect } from '@jest/globals';
import { buildWelcomeCard, welcomeCardAttachment } from '../../cards/welcomeCard.js';
import { validateCard } from '../helpers/validateCard.js';
import { actionFromValue } from '../../dialogs/base/menuActions.js';
import { allObjects, ofType } from './cardFixtures.js';

describe('the welcome card', () => {
  it('parses and validates clean as an Adaptive Card 1.5', () => {
    const check = validateCard(buildWelcomeCard());
    expect(check.problems).toEqual([]);
    expect(check.version).toBe('1.5');
  });

  it("has a button for each conversation, and each button's data is a menu action the dialogs understand", () => {
    const card = buildWelcomeCard();
    const submits = ofType(card, 'Action.Submit');
    expect(submits.map((a) => a.title)).toEqual([
      'Check readiness',
      'Request access',
      'Add staff',
      'Someone is leaving',
      'Where is my request?',
      'Help',
    ]);
    expect(submits.map((a) => actionFromValue(a.data))).toEqual(['readiness', 'accessRequest', 'addStaff', 'leavers', 'status', 'help']);
    expect((card.actions as { title: string }[]).map((a) => a.title)).toEqual([
      'Check readiness',
      'Request access',
      'Add staff / leavers',
      'Where is my request?',
      'Help',
    ]);
  });

  it('binds no data at all, so nothing anyone typed can reach it', () => {
    expect(JSON.stringify(buildWelcomeCard())).not.toContain('${');
    expect(allObjects(buildWelcomeCard()).filter((node) => node.type === 'FactSet')).toEqual([]);
  });

  it('comes as a fresh copy each time and as an Adaptive Card attachment', () => {
    const first = buildWelcomeCard();
    (first.body as unknown[]).length = 0;
    expect((buildWelcomeCard().body as unknown[]).length).toBeGreaterThan(0);
    expect(welcomeCardAttachment().contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});
