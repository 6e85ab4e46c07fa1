import { describe, it, expect } from '@jest/globals';
import { buildChoiceCard, choicePressOf, readChoiceQuestionTemplate } from '../../cards/choiceCard.js';
import { readSpreadsheetQuestionTemplate } from '../../cards/spreadsheetCard.js';
import { validateCard } from '../helpers/validateCard.js';
import { allObjects, ofType } from './cardFixtures.js';

describe('the choice question card', () => {
  it.each([
    ['choiceQuestion', readChoiceQuestionTemplate()],
    ['spreadsheetQuestion', readSpreadsheetQuestionTemplate()],
  ])('%s parses and validates clean as an Adaptive Card 1.5 and has no markdown-rendering text blocks', (_name, template) => {
    expect(validateCard(template)).toEqual({ version: '1.5', problems: [] });
    expect(allObjects(template).filter((node) => node.type === 'TextBlock' || node.type === 'FactSet')).toEqual([]);
    expect(JSON.stringify(template)).not.toContain('imBack');
  });

  it('puts each line of the question in its own text run and each option on its own row of one Action.Submit', () => {
    const card = buildChoiceCard({
      question: 'Where is it?\nIn London: in a borough.',
      choices: [
        { title: 'In London', value: 'In London' },
        { title: 'Outside', value: 'Outside London, far' },
      ],
      questionId: 'q-1',
    });
    expect(validateCard(card).problems).toEqual([]);
    expect(ofType(card, 'TextRun').map((run) => run.text)).toEqual(['Where is it?', 'In London: in a borough.']);
    expect((card.body as { type: string }[]).filter((element) => element.type === 'ActionSet')).toHaveLength(2);
    expect(ofType(card, 'Action.Submit').map((action) => [action.title, action.data])).toEqual([
      ['In London', { choice: 'In London', question: 'q-1' }],
      ['Outside', { choice: 'Outside London, far', question: 'q-1' }],
    ]);
  });

  it('keeps text literal: a ${…} or markdown in the question stays as it is', () => {
    const card = buildChoiceCard({
      question: '${questionId} **bold** <b>x</b>',
      choices: [{ title: '${value}', value: 'v' }],
      questionId: 'q-2',
    });
    expect(ofType(card, 'TextRun').map((run) => run.text)).toEqual(['${questionId} **bold** <b>x</b>']);
    expect(ofType(card, 'Action.Submit')[0].title).toBe('${value}');
  });

  it('reads a press only when it carries both a choice and a question id', () => {
    expect(choicePressOf({ choice: 'Tea', question: 'q' })).toEqual({ choice: 'Tea', question: 'q' });
    expect(choicePressOf({ choice: 'Tea' })).toBeUndefined();
    expect(choicePressOf({ action: 'readiness' })).toBeUndefined();
    expect(choicePressOf('Tea')).toBeUndefined();
  });
});
