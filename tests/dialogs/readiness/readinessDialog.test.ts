import { describe, it, expect } from '@jest/globals';
import { ReadinessDialog } from '../../../dialogs/readiness/readinessDialog.js';
import { buttons, dialogClient, readable, turn, useDialogWorld, type WorldOptions } from '../../helpers/dialogFixtures.js';

const ROSEWOOD = { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK' };

describe('the readiness conversation', () => {
  const worlds = useDialogWorld();

  /** Runs the conversation to its end: organisation type, ODS code, (when asked) the DSPT answer, then where it is (default London). */
  async function conversation(options: WorldOptions, answers: { type: string; ods: string; dspt?: string; location?: string }) {
    const world = await worlds.open(options);
    const client = dialogClient(new ReadinessDialog(world.services), world);
    const opening = await turn(client, 'check readiness');
    const afterType = await turn(client, answers.type);
    const afterOds = await turn(client, answers.ods);
    const afterDspt = answers.dspt ? await turn(client, answers.dspt) : [];
    const afterLocation = await turn(client, answers.location ?? 'In London');
    return { opening, afterType, afterOds, afterDspt, afterLocation, outcome: readable(afterLocation) };
  }

  it('offers the organisation types as buttons, then asks for the ODS code, then the DSPT status', async () => {
    const { opening, afterType, afterOds } = await conversation(
      {},
      { type: 'Care home (residential or nursing)', ods: "I don't know", dspt: 'Standards Met' },
    );
    expect(readable(opening)).toContain('What kind of organisation is it?');
    expect(buttons(opening)).toContain('Care home');
    expect(readable(opening)).toContain('Care home means a residential or nursing home; home care means domiciliary care.');
    expect(buttons(opening)).toHaveLength(8);
    expect(readable(afterType)).toContain("What is your organisation's ODS code?");
    expect(readable(afterOds)).toContain("That's fine. Without the code I can't look your status up");
    expect(buttons(afterOds)).toEqual(['Standards Met', 'Standards Exceeded', 'Approaching Standards', 'Not published', "I don't know"]);
    expect(readable(afterOds)).toContain('Choose Not published if you are not registered or no assessment has been published.');
  });

  it.each([
    ['the organisation type', ['check readiness'], 'Other, not NHS'],
    ['the DSPT status', ['check readiness', 'Care home (residential or nursing)', "I don't know"], 'Not published'],
  ])('asks %s again with the same short buttons, never a numbered list', async (_what, before, shortTitle) => {
    const world = await worlds.open();
    const client = dialogClient(new ReadinessDialog(world.services), world);
    let asked: Awaited<ReturnType<typeof turn>> = [];
    for (const text of before) asked = await turn(client, text);
    const again = await turn(client, 'banana');
    expect(buttons(asked)).toContain(shortTitle);
    expect(buttons(again)).toEqual(buttons(asked));
    expect(readable(again)).toContain("Sorry, I didn't catch which one you meant.");
    expect(readable(again)).not.toMatch(/^\s*\d+\. /m);
  });

  it('looks the status up in the imported DSPT export, says where it came from and when it was published, and finds the home ready', async () => {
    const { afterOds, outcome } = await conversation(
      { dspt: [{ ...ROSEWOOD, status: '25/26 Standards Met', publishedOn: '2026-02-12' }], dpia: [ROSEWOOD] },
      { type: 'Care home (residential or nursing)', ods: 'vn4k2' },
    );
    expect(readable(afterOds)).toContain(
      'I found VN4K2 (Rosewood Court Care Home) in the published DSPT list: "25/26 Standards Met", published on 12 February 2026.',
    );
    expect(buttons(afterOds)).toEqual(['In London', 'Commissioned', 'Outside London']);
    expect(outcome).toContain('I checked the DPIA register I hold: VN4K2 is named in the South East London onboarding DPIA.');
    expect(outcome).toContain('Good news: your organisation is ready for the UCP.');
    expect(outcome).toContain('named in the data protection impact assessment');
    expect(outcome).toContain('published by 30 June 2027');
    expect(outcome).toContain('type request access');
  });

  // Source 004 "annual self-assessment": on 5 December 2026 no 27/28 assessment can have been published (data/rules/dspt.ts).
  it('does not find a home ready on an exported status dated after today, and says how to check it', async () => {
    const { outcome } = await conversation(
      { now: '2026-12-05T10:00:00Z', dspt: [{ ...ROSEWOOD, status: '27/28 Standards Met', publishedOn: '2026-11-02' }], dpia: [ROSEWOOD] },
      { type: 'Care home (residential or nursing)', ods: 'VN4K2' },
    );
    expect(outcome).not.toContain('Good news');
    expect(outcome).toContain("Let's confirm your DSPT status first: the UCP needs Standards Met.");
    expect(outcome).toContain(
      'The Data Security and Protection Toolkit (DSPT) status we found, "27/28 Standards Met", is dated after today',
    );
    expect(outcome).toContain('Check your status by searching for your organisation on the DSPT website');
  });

  it('asks when the code is not in the export, and a Standards Met home not named in the DPIA needs its ICS to approve', async () => {
    const { afterOds, outcome } = await conversation(
      {},
      { type: 'Care home (residential or nursing)', ods: 'VX1Y2', dspt: 'Standards Met' },
    );
    expect(readable(afterOds)).toContain("I couldn't find VX1Y2 in the published DSPT list I have");
    expect(outcome).toContain('your Integrated Care System needs to approve your organisation');
    expect(outcome).toContain('usually takes around a week');
    expect(outcome).toContain('30 June 2026');
  });

  it('says Approaching Standards is fine for NHSmail but not yet for the UCP, with the improvement plan and the deadline', async () => {
    const { outcome } = await conversation(
      { dpia: [ROSEWOOD] },
      { type: 'Care home (residential or nursing)', ods: 'VN4K2', dspt: 'Approaching Standards' },
    );
    expect(outcome).toContain('not ready for the UCP yet');
    expect(outcome).toContain('enough for NHSmail, but the UCP needs Standards Met');
    expect(outcome).toContain('improvement plan');
    expect(outcome).toContain('next deadline for you is 30 June 2026');
    expect(outcome).not.toContain('type request access');
  });

  it('explains registration, workshops, the helpline and why it matters to a home with no published assessment', async () => {
    const { outcome } = await conversation(
      {},
      { type: 'Care home (residential or nursing)', ods: "don't know", dspt: 'Not registered or not published' },
    );
    expect(outcome).toContain('needs a published DSPT assessment at Standards Met');
    expect(outcome).toContain('Register your organisation on the DSPT website');
    expect(outcome).toContain('workshops');
    expect(outcome).toContain('0208 133 3430');
    expect(outcome).toContain('Why it matters');
    expect(outcome).toContain('Without your ODS code I could not check whether your organisation is named');
    expect(outcome).not.toContain('Your organisation is named in');
  });

  it('treats "I don\'t know" as a status to look up, never as met', async () => {
    const { outcome } = await conversation({}, { type: 'Home care (domiciliary care)', ods: 'skip', dspt: "I don't know" });
    expect(outcome).toContain("Let's confirm your DSPT status first");
    expect(outcome).toContain('Check your status by searching for your organisation on the DSPT website');
  });

  it('reads a published Not Published status from the export as not ready', async () => {
    const { afterOds, outcome } = await conversation(
      { dspt: [{ ...ROSEWOOD, status: 'Not Published' }], dpia: [ROSEWOOD] },
      { type: 'Care home (residential or nursing)', ods: 'VN4K2' },
    );
    expect(readable(afterOds)).toContain('I found VN4K2');
    expect(outcome).toContain('no published Data Security and Protection Toolkit (DSPT) assessment yet');
  });

  it('says a lapsed status needs renewing', async () => {
    const { outcome } = await conversation(
      { dspt: [{ ...ROSEWOOD, status: '23/24 Standards Met', publishedOn: '2024-06-20' }], dpia: [ROSEWOOD] },
      { type: 'Care home (residential or nursing)', ods: 'VN4K2' },
    );
    expect(outcome).toContain('needs renewing');
    expect(outcome).toContain('needed renewing by 30 June 2025');
    expect(outcome).toContain('needs to publish a new assessment now');
    expect(outcome).not.toMatch(/next deadline|by 30 June 2026/);
  });

  it("explains the NHSmail routes for a care home when the manager's own address would be refused", async () => {
    const { outcome } = await conversation(
      { memberEmail: 'grace.rosewood@gmail.com', dpia: [ROSEWOOD] },
      { type: 'Care home (residential or nursing)', ods: 'VN4K2', dspt: 'Approaching Standards' },
    );
    expect(outcome).toContain('the address Teams has for you (grace.rosewood@gmail.com) looks like a personal one');
    expect(outcome).toContain('National Administration Service (NAS) portal');
    expect(outcome).toContain('starting with V');
    expect(outcome).toContain('admin support is at careadmin@nhs.net'); // source 004, NAS portal route
    expect(outcome).toContain('Self-management');
    expect(outcome).not.toContain('third-party route');
    expect(outcome).toContain('up to 10 named accounts and 1 shared mailbox');
    expect(outcome).toContain('Your DSPT status is already enough for NHSmail.');
  });

  it('offers the third-party route to a service that may not be CQC-registered, and says NHSmail needs Approaching Standards first', async () => {
    const { outcome } = await conversation(
      { memberEmail: 'office@brightcharity.org.uk' },
      { type: 'Charity', ods: "I don't know", dspt: 'Not registered or not published' },
    );
    expect(outcome).toContain('looks like a shared mailbox');
    expect(outcome).toContain('third-party route');
    expect(outcome).toContain('up to 50 accounts');
    expect(outcome).toContain('NHSmail needs your DSPT at Approaching Standards or better');
  });

  it('says nothing about NHSmail when the manager has an NHSmail address', async () => {
    const { outcome } = await conversation(
      { memberEmail: 'grace.adeyemi@nhs.net' },
      { type: 'Care home (residential or nursing)', ods: 'idk', dspt: 'Standards Met' },
    );
    expect(outcome).not.toContain('NHSmail is free');
  });

  it('never says "ready" without the ODS code: the check covers only the DSPT and the helpdesk checks the DPIA', async () => {
    const { outcome } = await conversation({}, { type: 'Care home (residential or nursing)', ods: "I don't know", dspt: 'Standards Met' });
    expect(outcome).toContain(
      'Your DSPT status is in order for the UCP, but I could not check the DPIA, so I cannot say yet that your organisation is ready.',
    );
    expect(outcome).toContain('so this check covers only the DSPT. The UCP helpdesk checks the DPIA when you request access.');
    expect(outcome).not.toContain('Good news');
    expect(outcome).not.toMatch(/is ready for the UCP/);
    expect(outcome).toContain('type request access');
  });

  it.each([
    // source 001 "Non-London Organisations": commissioned → approval by the London ICS/ICB lead for that commissioned service
    [
      'Outside London, commissioned to care for Londoners',
      'VX1Y2',
      'the London Integrated Care System lead for the service you are commissioned to provide',
    ],
    // source 001: outside London, for a patient in London → "will need to complete a DPIA for UCP access"
    ['Outside London, for a London patient', 'VX1Y2', 'your organisation first needs to complete its own DPIA for UCP access'],
    // the same two routes when the DPIA could not be checked (no ODS code)
    [
      'Outside London, commissioned to care for Londoners',
      "I don't know",
      'the lead of the London Integrated Care System (ICS) that commissions your service is asked to approve it',
    ],
    ['Outside London, for a London patient', "I don't know", 'it must first complete its own DPIA for UCP access'],
  ])('gives source 001\'s route to an organisation "%s" (ODS code %s)', async (location, ods, route) => {
    const { outcome } = await conversation({}, { type: 'Care home (residential or nursing)', ods, dspt: 'Standards Met', location });
    expect(outcome).toContain(route);
    expect(outcome).not.toContain('Good news');
  });

  it.each([
    [
      "not configured: source 000's contact page",
      {},
      'You can contact the UCP Support team through the Contact page of the UCP website (onelondon.online).',
    ],
    [
      'configured',
      { supportContact: '020 3000 0000' },
      'You can contact the UCP Support team: 020 3000 0000. The helpdesk is open Monday to Friday, 9am to 5pm, except bank holidays.',
    ],
  ])(
    'names the UCP support contact (%s) when an organisation outside London must contact the UCP about its own DPIA',
    async (_what, helpdesk, line) => {
      const { outcome } = await conversation(
        { helpdesk },
        {
          type: 'Care home (residential or nursing)',
          ods: 'VX1Y2',
          dspt: 'Standards Met',
          location: 'Outside London, for a London patient',
        },
      );
      expect(outcome).toContain(line);
    },
  );

  it('re-asks a malformed ODS code, mentioning that "I don\'t know" is fine', async () => {
    const world = await worlds.open({});
    const client = dialogClient(new ReadinessDialog(world.services), world);
    await turn(client, 'go');
    await turn(client, 'Care home (residential or nursing)');
    const again = readable(await turn(client, 'VN-4K2'));
    expect(again).toContain('no dashes or other symbols');
    expect(again).toContain("If you don't know it, type I don't know.");
    expect(again).toContain("What is your organisation's ODS code?");
  });
});
