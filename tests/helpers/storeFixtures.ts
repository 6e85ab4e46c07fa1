import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Ticket } from '../../data/model.js';

/** A fresh temporary data folder for one store test, and a way to remove it. */
export async function makeStoreDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-store-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

let sequence = 0;

/** A realistic ticket (about 1 KB as JSON), with overrides: `makeStoreTicket({ state: 'closed' })`. */
export function makeStoreTicket(overrides: Partial<Ticket> = {}): Ticket {
  sequence += 1;
  const n = sequence;
  return {
    id: `T-${String(n).padStart(6, '0')}`,
    kind: 'addUsers',
    state: 'awaitingHelpdesk',
    version: 1,
    createdAt: '2026-03-02T09:15:00.000Z',
    updatedAt: '2026-03-02T09:15:00.000Z',
    organisation: { odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK', borough: 'Lewisham' },
    requester: { aadObjectId: `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`, name: 'Grace Adeyemi', email: 'grace.adeyemi@nhs.net', jobTitle: 'Registered Manager' },
    users: [
      { name: 'Samuel Okafor', email: 'samuel.okafor@nhs.net', jobTitle: 'Senior Carer', role: 'Non-Clinical' },
      { name: 'Priya Natarajan', email: 'priya.natarajan@nhs.net', jobTitle: 'Registered Nurse', role: 'Clinical', registration: { body: 'NMC', number: '12A3456E' } },
      { name: 'Tom Whitfield', email: 'tom.whitfield@nhs.net', jobTitle: 'Care Assistant', role: 'Urgent Care' },
    ],
    checks: { ods: 'verified', dpia: 'listed', dspt: 'Standards Met', icsApproval: 'notNeeded' },
    network: 'internet',
    assignee: null,
    notes: 'Manager asked for access before the new starters begin on Monday; two of them work nights.',
    ...overrides,
  };
}
