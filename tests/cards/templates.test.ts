import { describe, it, expect } from '@jest/globals';
import { readTemplate, TEMPLATE_NAMES } from '../../cards/cardTemplates.js';
import { validateCard } from '../helpers/validateCard.js';
import { MAX_REASON } from '../../data/workflow/decide.js';
import { ASSIGNEE_INPUT_ID, CARD_VERB_TABLE, CARD_VERBS, type ActingAudience } from '../../cards/verbs.js';
import { allObjects, ofType } from './cardFixtures.js';

describe('the card templates as stored', () => {
  it.each(TEMPLATE_NAMES)('%s parses and validates clean as an Adaptive Card 1.5', (name) => {
    const check = validateCard(readTemplate(name));
    expect(check.problems).toEqual([]);
    expect(check.version).toBe('1.5');
  });

  it.each(TEMPLATE_NAMES)('%s binds data only into text runs and inputs, never into markdown-rendering text blocks', (name) => {
    const nodes = allObjects(readTemplate(name));
    const boundText = nodes.filter((node) => node.type === 'TextBlock' && String(node.text).includes('${'));
    expect(boundText).toEqual([]);
    expect(nodes.filter((node) => node.type === 'FactSet')).toEqual([]);
  });

  it.each(TEMPLATE_NAMES)('%s has every button carry the ticket id and the version it was built from', (name) => {
    for (const action of ofType(readTemplate(name), 'Action.Execute')) {
      const data = action.data as Record<string, unknown>;
      expect(data.ticketId).toMatch(/^\$\{(\$root\.)?ticketId\}$/);
      expect(data.version).toMatch(/^\$\{(\$root\.)?version\}$/);
    }
  });

  it('uses only the verbs of cards/verbs.ts, and every verb has a button somewhere', () => {
    const used = new Set(
      TEMPLATE_NAMES.flatMap((name) => ofType(readTemplate(name), 'Action.Execute').map((action) => String(action.verb))),
    );
    expect([...used].sort()).toEqual([...CARD_VERBS].sort());
  });

  it("puts each verb's button on the card of every audience the verb table names, and on no other", () => {
    const template: Record<ActingAudience, 'ticketIcsLead' | 'ticketHelpdesk' | 'ticketRequester'> = {
      icsLead: 'ticketIcsLead',
      helpdesk: 'ticketHelpdesk',
      requester: 'ticketRequester',
    };
    for (const [verb, row] of Object.entries(CARD_VERB_TABLE)) {
      const on = (Object.keys(template) as ActingAudience[]).filter((audience) =>
        ofType(readTemplate(template[audience]), 'Action.Execute').some((action) => action.verb === verb),
      );
      expect({ verb, audiences: on }).toEqual({ verb, audiences: [...row.audiences] });
    }
  });

  it("names each reason box and the assignee choice as the payload guards read them, each box stopping at the workflow's reason limit", () => {
    const all = TEMPLATE_NAMES.map((name) => readTemplate(name));
    for (const [verb, row] of Object.entries(CARD_VERB_TABLE)) {
      if (row.data.kind !== 'reason') continue;
      const showCards = all
        .flatMap((card) => ofType(card, 'Action.ShowCard'))
        .filter((show) => ofType(show.card, 'Action.Execute').some((action) => action.verb === verb));
      expect(showCards).toHaveLength(row.audiences.length);
      for (const showCard of showCards) {
        const input = ofType(showCard.card, 'Input.Text').find((box) => 'inputId' in row.data && box.id === row.data.inputId);
        expect(input).toMatchObject({ isRequired: true, maxLength: MAX_REASON });
        expect(String(input?.errorMessage)).not.toBe('');
      }
    }
    expect(ofType(readTemplate('ticketHelpdesk'), 'Input.ChoiceSet').map((input) => input.id)).toEqual([ASSIGNEE_INPUT_ID]);
  });
});
