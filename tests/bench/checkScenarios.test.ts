import { jest } from '@jest/globals';
import { demoScenario, syntheticDay, type Scenario } from '../../bench/checkScenarios.js';

/** What the checks read from a scenario, without the ticket ids and creation times the builders number afresh. */
function inputs(scenario: Scenario) {
  return {
    dpia: scenario.dpia,
    dspt: scenario.dspt,
    directory: scenario.directory,
    reasons: scenario.tickets.map((ticket) => scenario.reasons.get(ticket.id)),
    approvals: scenario.tickets.map((ticket) => ticket.icsApproval?.at),
  };
}

function builtOn(day: string, build: () => Scenario) {
  jest.useFakeTimers({ now: new Date(day), doNotFake: ['nextTick', 'setImmediate'] });
  try {
    return inputs(build());
  } finally {
    jest.useRealTimers();
  }
}

describe('the automatic checks benchmark', () => {
  it('sends the same requests whatever day it is run, so its figures do not move after 1 July or at New Year', () => {
    for (const build of [demoScenario, syntheticDay]) {
      expect(builtOn('2027-08-01T09:00:00Z', build)).toEqual(builtOn('2026-12-05T04:00:00Z', build));
    }
  });

  it('knows why each demo home should not pass its DSPT check: Meadowbank is Approaching Standards, Hillside has no row', () => {
    expect([...demoScenario().reasons.values()]).toEqual([
      { dsptChecked: 'Demo Meadowbank Care Home: Approaching Standards' },
      { dsptChecked: 'Demo Hillside Nursing Home: no DSPT row' },
    ]);
  });

  it('says why of each synthetic request whose code the directory does not know, apart from the closed homes', () => {
    const day = syntheticDay();
    const unknown = Object.entries(day.directory).filter(([, org]) => org === undefined);
    expect(unknown.length).toBeGreaterThan(0);
    for (const [code] of unknown) {
      const ticket = day.tickets.find((t) => t.organisation?.odsCode === code)!;
      expect(day.reasons.get(ticket.id)?.odsVerified).toBe('a code the directory does not know');
    }
  });
});
