import type { RosterEntry, RosterKind } from '../../data/model.js';
import { findIcs } from '../../data/rules/ics.js';
import { rosterKey } from '../../data/store/records.js';
import { noMore, required, type ParsedArgs } from './args.js';
import { print, type AdminContext } from './context.js';
import { UsageError } from './usage.js';

const KINDS: readonly RosterKind[] = ['icsLead', 'icsChannel', 'helpdeskAgent', 'helpdeskChannel'];
const CHANNELS: readonly RosterKind[] = ['icsChannel', 'helpdeskChannel'];
const SCOPED: readonly RosterKind[] = ['icsLead', 'icsChannel'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `roster add|list|remove …`: who may act on approval and ticket cards. */
export async function rosterCommand(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  const action = required(args, 1, 'roster action (add, list or remove)');
  if (action === 'list') return listRoster(ctx, args);
  if (action !== 'add' && action !== 'remove') throw new UsageError(`unknown roster action "${action}" (use add, list or remove)`);
  const kind = parseKind(required(args, 2, `roster kind (${KINDS.join(', ')})`));
  const id = checkId(kind, required(args, 3, CHANNELS.includes(kind) ? 'channel conversation id' : "person's Teams aadObjectId"));
  noMore(args, 4);
  const scope = scopeFor(kind, args.options.ics);
  const store = await ctx.store();
  // The roster keeps one entry per kind, scope and id (any case): the store's key for it.
  const key = rosterKey({ kind, scope, id });
  const where = `${kind}${scope ? ` for ${scope}` : ''}`;
  if (action === 'add') {
    const name = args.options.name?.trim();
    const entry: RosterEntry = {
      kind,
      id,
      ...(scope ? { scope } : {}),
      ...(name ? { displayName: name } : {}),
      addedAt: new Date().toISOString(),
    };
    const added = await store.transaction(async (tx) => {
      if (!(await tx.rosters.insert(entry))) return false;
      tx.audit({ actor: ctx.actor, action: 'roster.add', details: { kind, id, scope } });
      return true;
    });
    print(ctx, { added, kind, id, scope }, () => [
      added ? `Added ${id} as ${where}.` : `${id} is already on the roster as ${where}; nothing changed.`,
    ]);
    return;
  }
  const removed = await store.transaction(async (tx) => {
    if (!(await tx.rosters.delete(key))) return false;
    tx.audit({ actor: ctx.actor, action: 'roster.remove', details: { kind, id, scope } });
    return true;
  });
  if (!removed) throw new UsageError(`${id} is not on the roster as ${where}; nothing changed`);
  print(ctx, { removed, kind, id, scope }, () => [`Removed ${id} from ${where}.`]);
}

async function listRoster(ctx: AdminContext, args: ParsedArgs): Promise<void> {
  const kind = args.positionals[2] === undefined ? undefined : parseKind(args.positionals[2]);
  noMore(args, 3);
  const scope = args.options.ics === undefined ? undefined : scopeFor('icsLead', args.options.ics);
  const entries = (await ctx.snapshot()).rosters.filter((e) => (!kind || e.kind === kind) && (!scope || e.scope === scope));
  print(ctx, entries, () =>
    entries.length === 0
      ? ['The roster is empty.']
      : entries.map((e) => `${e.kind}${e.scope ? ` (${e.scope})` : ''}\t${e.id}${e.displayName ? `\t${e.displayName}` : ''}`),
  );
}

function parseKind(text: string): RosterKind {
  const kind = KINDS.find((k) => k.toLowerCase() === text.toLowerCase());
  if (!kind) throw new UsageError(`unknown roster kind "${text}" (use ${KINDS.join(', ')})`);
  return kind;
}

function checkId(kind: RosterKind, id: string): string {
  const trimmed = id.trim();
  if (!CHANNELS.includes(kind) && !GUID.test(trimmed)) {
    throw new UsageError(`"${trimmed}" is not a Teams aadObjectId (a GUID like 00000000-0000-0000-0000-000000000000)`);
  }
  if (CHANNELS.includes(kind) && !/^\S{3,256}$/.test(trimmed)) {
    throw new UsageError(`"${trimmed}" is not a channel conversation id (like 19:abc123@thread.tacv2)`);
  }
  return trimmed;
}

/** ICS leads and ICS channels belong to one ICS (stored by ICB code); the helpdesk's have no scope. */
function scopeFor(kind: RosterKind, written: string | undefined): string | undefined {
  if (!SCOPED.includes(kind)) {
    if (written !== undefined) throw new UsageError(`--ics applies to icsLead and icsChannel only, not ${kind}`);
    return undefined;
  }
  if (written === undefined)
    throw new UsageError(
      `${kind === 'icsLead' ? 'an ICS lead' : 'an ICS channel'} needs --ics <ICS> (an ICB code such as QMJ, a short name such as NCL, or a name)`,
    );
  const ics = findIcs(written);
  if (!ics) throw new UsageError(`--ics "${written}" is not one of the London ICSs`);
  return ics.icbCode;
}
