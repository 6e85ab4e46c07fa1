import { describe, expect, it } from '@jest/globals';
import { ChangeTracker } from '../../../data/store/changeTracker.js';

interface Doc {
  tickets: { id: string; state: string; users: { name: string }[]; extra?: unknown }[];
  settings: Record<string, unknown>;
  accreditedDomains: string[];
}

function setup() {
  const raw: Doc = {
    tickets: [
      { id: 'T-1', state: 'open', users: [{ name: 'Ann' }, { name: 'Bob' }] },
      { id: 'T-2', state: 'open', users: [] },
      { id: 'T-3', state: 'closed', users: [{ name: 'Cy' }] },
    ],
    settings: { reminderHour: 9 },
    accreditedDomains: ['b.org', 'a.org'],
  };
  const original = structuredClone(raw);
  const changed: object[] = [];
  const tracker = new ChangeTracker((record) => changed.push(record));
  const doc = tracker.view(raw);
  return { raw, original, changed, tracker, doc };
}

describe('ChangeTracker', () => {
  it.each<[string, (doc: Doc) => void]>([
    ['a nested field', (doc) => void (doc.tickets[0].users[1].name = 'Robert')],
    [
      'a push and a splice',
      (doc) => {
        doc.tickets.push({ id: 'T-4', state: 'open', users: [] });
        doc.tickets.splice(0, 2);
      },
    ],
    ['a sort', (doc) => void doc.accreditedDomains.sort()],
    ['a whole collection replaced by a filtered copy', (doc) => void (doc.tickets = doc.tickets.filter((t) => t.state !== 'closed'))],
    [
      'a deleted key and a new one',
      (doc) => {
        delete doc.settings.reminderHour;
        doc.settings.other = { deep: [1, 2] };
      },
    ],
    ['a length cut', (doc) => void (doc.tickets[0].users.length = 0)],
    [
      'Object.assign and defineProperty',
      (doc) => {
        Object.assign(doc.tickets[1], { state: 'x', extra: 1 });
        Object.defineProperty(doc.settings, 'defined', { value: 2, enumerable: true, configurable: true, writable: true });
      },
    ],
  ])('undoes %s exactly', (_name, change) => {
    const { raw, original, tracker, doc } = setup();
    tracker.begin();
    change(doc);
    expect(raw).not.toEqual(original);
    tracker.undoLast();
    expect(raw).toEqual(original);
    expect(Object.keys(raw.settings)).toEqual(Object.keys(original.settings));
  });

  it('undoes only the last update of a group, or every update of it, newest first', () => {
    const { raw, original, tracker, doc } = setup();
    tracker.begin();
    doc.tickets[0].state = 'first';
    tracker.pause();
    tracker.begin();
    doc.tickets[0].state = 'second';
    doc.tickets.push({ id: 'T-9', state: 'open', users: [] });
    tracker.undoLast();
    expect(raw.tickets[0].state).toBe('first');
    expect(raw.tickets).toHaveLength(3);

    tracker.begin();
    doc.tickets[0].state = 'third';
    tracker.pause();
    tracker.undoAll();
    expect(raw).toEqual(original);
    expect(tracker.changed).toBe(false);
  });

  it('reports the record each write touched, so its cached JSON can be dropped', () => {
    const { raw, changed, tracker, doc } = setup();
    tracker.begin();
    doc.tickets[2].users[0].name = 'Cyrus';
    expect(changed).toEqual([raw.tickets[2]]);
    tracker.undoLast();
    expect(changed).toEqual([raw.tickets[2], raw.tickets[2]]);
  });

  it('refuses writes outside an update', () => {
    const { doc, tracker } = setup();
    expect(() => void (doc.settings.x = 1)).toThrow(/only be changed inside store.update/);
    tracker.begin();
    const ticket = doc.tickets[0];
    tracker.pause();
    expect(() => void ticket.users.push({ name: 'Late' })).toThrow(/only be changed inside store.update/);
  });

  it('stores copies: changing an object after handing it over, or a value read from another place, changes nothing stored', () => {
    const { raw, tracker, doc } = setup();
    tracker.begin();
    const handed = { id: 'T-5', state: 'open', users: [{ name: 'Dee' }] };
    doc.tickets.push(handed);
    doc.settings.copied = doc.tickets[0].users;
    tracker.pause();
    handed.users[0].name = 'changed';
    expect(raw.tickets[3].users[0].name).toBe('Dee');
    expect(raw.settings.copied).toEqual(raw.tickets[0].users);
    expect(raw.settings.copied).not.toBe(raw.tickets[0].users);
  });

  it('keeps a whole record by identity when it moves between collections', () => {
    const { raw, tracker, doc } = setup();
    const second = raw.tickets[1];
    tracker.begin();
    doc.tickets = doc.tickets.filter((t) => t.id !== 'T-1');
    expect(raw.tickets[0]).toBe(second);
  });

  it('stores values that are not plain JSON the way the file will hold them', () => {
    const { raw, tracker, doc } = setup();
    tracker.begin();
    doc.settings.when = new Date('2026-03-02T09:00:00Z');
    doc.settings.__proto__ = { polluted: true };
    expect(raw.settings.when).toBe('2026-03-02T09:00:00.000Z');
    expect(Object.getPrototypeOf(raw.settings)).toBe(Object.prototype);
    expect(Object.keys(raw.settings)).toContain('__proto__');
  });

  it('tracks changes made to elements found by a scan, and scans see elements added since the last scan', () => {
    const { raw, original, tracker, doc } = setup();
    tracker.begin();
    expect(doc.tickets.find((t) => t.id === 'T-9')).toBeUndefined();
    doc.tickets.push({ id: 'T-9', state: 'open', users: [] });
    doc.tickets.find((t) => t.id === 'T-9')!.state = 'assigned';
    doc.tickets.filter((t) => t.state === 'open').forEach((t) => (t.state = 'seen'));
    expect(raw.tickets.map((t) => t.state)).toEqual(['seen', 'seen', 'closed', 'assigned']);
    tracker.undoLast();
    expect(raw).toEqual(original);
    expect(doc.tickets.some((t) => t.id === 'T-9')).toBe(false);
  });

  it('fails loudly when a scan callback writes through its array argument instead of losing the write', () => {
    const { tracker, doc } = setup();
    tracker.begin();
    expect(() => doc.tickets.forEach((_t, i, all) => void ((all as Doc['tickets'])[i] = { id: 'X', state: 'x', users: [] }))).toThrow(
      TypeError,
    );
  });

  it('knows whether a group changed anything', () => {
    const { tracker, doc } = setup();
    tracker.begin();
    void doc.tickets.find((t) => t.id === 'T-2');
    expect(tracker.changed).toBe(false);
    doc.tickets[1].state = 'assigned';
    expect(tracker.changed).toBe(true);
  });
});
