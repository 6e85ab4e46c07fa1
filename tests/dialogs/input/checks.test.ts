import { describe, it, expect } from '@jest/globals';
import type { TurnContext } from 'botbuilder';
import type { AnswerCheck } from '../../../dialogs/input/answerCheck.js';
import { parseDay, dayAnswer } from '../../../dialogs/input/dayAnswer.js';
import { isDontKnow } from '../../../dialogs/input/dontKnow.js';
import { odsCodeAnswer } from '../../../dialogs/input/odsCodeAnswer.js';
import { cutText } from '../../../dialogs/input/textLimits.js';
import { actionFromText, actionFromValue } from '../../../dialogs/base/menuActions.js';

const context = { activity: { type: 'message' } } as unknown as TurnContext;
function answer<Out>(check: AnswerCheck<string, Out>, text: string) {
  return check({ succeeded: true, value: text }, context);
}

describe('reading a typed day', () => {
  it.each([
    ['today', '2026-03-02'],
    ['Today.', '2026-03-02'],
    ['31/03/2026', '2026-03-31'],
    ['1/4/2026', '2026-04-01'],
    ['2026-02-27', '2026-02-27'],
    ['29.02.2028', '2028-02-29'],
  ])('reads "%s" as %s', (typed, day) => {
    expect(parseDay(typed, '2026-03-02')).toEqual({ ok: true, day });
  });

  it.each([
    ['31/02/2026', "That date doesn't exist"],
    ['03/31/2026', "That date doesn't exist"],
    ['31/03/26', 'year in full'],
    ['next Friday', "I couldn't read that as a date"],
    ['', "I couldn't read that as a date"],
  ])('refuses "%s" with a reason', (typed, reason) => {
    const parsed = parseDay(typed, '2026-03-02');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });

  it('lets a judge refuse a real day that is out of range', async () => {
    const check = dayAnswer({ today: () => '2026-03-02', judge: (day) => (day > '2026-12-31' ? 'Too far.' : undefined) });
    expect(await answer(check, '01/01/2027')).toEqual({ ok: false, reason: 'Too far.' });
    expect(await answer(check, '01/01/2020')).toEqual({ ok: true, value: '2020-01-01' });
  });
});

describe('the other answer checks', () => {
  it('takes "I don\'t know" for an ODS code only where it is allowed', async () => {
    expect(await answer(odsCodeAnswer({ allowUnknown: true }), 'I don’t know')).toEqual({ ok: true, value: null });
    const refused = await answer(odsCodeAnswer(), "I don't know");
    expect(refused.ok).toBe(false);
    expect(await answer(odsCodeAnswer(), ' vn4 k2 ')).toMatchObject({ ok: true, value: { code: 'VN4K2' } });
  });

  it.each(["I don't know", 'not sure', 'Skip', 'idk'])('hears "%s" as not knowing', (text) => {
    expect(isDontKnow(text)).toBe(true);
  });

  it('does not hear a real answer as not knowing', () => {
    expect(isDontKnow('VN4K2')).toBe(false);
    expect(isDontKnow("I don't know the code but the name is Rosewood")).toBe(false);
  });

  it('cuts text by characters, never inside an emoji', () => {
    expect(cutText('ab😀cd', 3)).toEqual({ text: 'ab😀', cut: true });
    expect(cutText('abc', 3)).toEqual({ text: 'abc', cut: false });
  });

  it('reads the commands and the welcome card buttons, and nothing else', () => {
    expect(actionFromText('Check readiness')).toBe('readiness');
    expect(actionFromText(' where is my request? ')).toBe('status');
    expect(actionFromText('Start again!')).toBe('start');
    expect(actionFromText('Request access')).toBe('accessRequest');
    expect(actionFromText('Leavers')).toBe('leavers');
    expect(actionFromText('help me with my request')).toBeUndefined();
    expect(actionFromValue({ action: 'status' })).toBe('status');
    expect(actionFromValue({ action: 'approveOrganisation' })).toBeUndefined();
    expect(actionFromValue(['status'])).toBeUndefined();
  });
});
