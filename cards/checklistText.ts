/**
 * One checklist item as the helpdesk reads it, on the card and in the tab: who ticked it (an agent, or the service
 * automatically, waiting for an agent's confirmation), and what the automatic check found, with its evidence.
 */
import {
  AUTOMATIC_ITEMS,
  CHECKLIST_ITEMS,
  type AutomaticItem,
  type ChecklistItem,
  type Stamp,
  type WorkflowTicket,
} from '../data/model.js';
import { CHECKLIST_LABEL, checklistStampText } from './cardText.js';
import { formatCardTime } from './cardTime.js';

export interface ChecklistLine {
  item: ChecklistItem;
  label: string;
  /** ✓ ticked (by an agent or automatically), ✗ the automatic check fails, ○ not ticked. */
  mark: '✓' | '✗' | '○';
  ticked: boolean;
  /** Ticked by the service and not confirmed by an agent yet. */
  automatic: boolean;
  /** Who ticked it and when, or why it is not ticked. */
  status: string;
  /** What the automatic check found; empty for "Accounts created" and before any check ran. */
  evidence: string;
}

/**
 * One line for one of source 001's checks, the same on the helpdesk card and in the tab. `names` (aadObjectId →
 * current display name, from the rosters) wins over the name a stamp kept.
 */
export function checklistLine(item: ChecklistItem, ticket: WorkflowTicket, now: Date, names?: ReadonlyMap<string, string>): ChecklistLine {
  const stamp = named(ticket.checklist?.[item], names);
  const check = isAutomatic(item) ? ticket.automaticChecks?.[item] : undefined;
  const base = { item, label: CHECKLIST_LABEL[item], evidence: check?.evidence ?? '' };
  if (stamp?.by === 'system') {
    return {
      ...base,
      mark: '✓',
      ticked: true,
      automatic: true,
      status: `Checked automatically, ${formatCardTime(stamp.at, now)}: waiting for an agent to confirm`,
    };
  }
  if (stamp) {
    const confirmed = check?.outcome === 'passed' && check.at <= stamp.at ? ' (after the automatic check)' : '';
    const failsNow = check?.outcome === 'failed' ? ' The latest automatic check fails: see why below.' : '';
    return {
      ...base,
      mark: '✓',
      ticked: true,
      automatic: false,
      status: `${checklistStampText(stamp, ticket, now)}${confirmed}.${failsNow}`,
    };
  }
  if (!check) return { ...base, mark: '○', ticked: false, automatic: false, status: checklistStampText(undefined, ticket, now) };
  const when = formatCardTime(check.at, now);
  if (check.overruledBy) {
    const overruled = named(check.overruledBy, names)!;
    const by = overruled.by === 'system' ? 'automatically' : `by ${overruled.by.name?.trim() || 'a colleague'}`;
    return {
      ...base,
      mark: check.outcome === 'failed' ? '✗' : '○',
      ticked: false,
      automatic: false,
      status: `Unticked ${by}, ${formatCardTime(check.overruledBy.at, now)}; checked automatically again ${when}`,
    };
  }
  if (check.outcome === 'failed')
    return { ...base, mark: '✗', ticked: false, automatic: false, status: `Checked automatically, ${when}: it does not pass` };
  return {
    ...base,
    mark: '○',
    ticked: false,
    automatic: false,
    status: `Could not be checked automatically, ${when}: tick it once you have checked`,
  };
}

/** Every line of the checklist, in source 001's order. */
export function checklistLines(ticket: WorkflowTicket, now: Date, names?: ReadonlyMap<string, string>): ChecklistLine[] {
  return CHECKLIST_ITEMS.map((item) => checklistLine(item, ticket, now, names));
}

function named(stamp: Stamp | undefined, names: ReadonlyMap<string, string> | undefined): Stamp | undefined {
  if (!stamp || stamp.by === 'system' || !names?.has(stamp.by.aadObjectId)) return stamp;
  return { ...stamp, by: { ...stamp.by, name: names.get(stamp.by.aadObjectId) } };
}

function isAutomatic(item: ChecklistItem): item is AutomaticItem {
  return (AUTOMATIC_ITEMS as readonly string[]).includes(item);
}
