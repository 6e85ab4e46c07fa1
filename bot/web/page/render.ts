/** Draws the queue and one ticket into the page. Text goes in as text (never as HTML): ticket data is typed by people. */
import type { FilterOption, QueueRow } from '../helpdeskQueue.js';
import { dueText } from '../tabWording.js';
import type { TicketDetail } from '../ticketDetail.js';

/** An element the page must have; a missing one is a broken page, said plainly. */
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page is missing #${id}`);
  return found as T;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

/** Refills a filter's choices, keeping what was chosen when it is still offered. */
export function fillSelect(select: HTMLSelectElement, options: readonly FilterOption[]): void {
  const chosen = select.value;
  select.replaceChildren(
    ...options.map((option) => {
      const made = element('option', option.label);
      made.value = option.value;
      return made;
    }),
  );
  if (options.some((option) => option.value === chosen)) select.value = chosen;
}

/** Used after each load of the queue; `open` is called with the ticket id when its button is pressed. */
export function renderQueue(rows: readonly QueueRow[], open: (id: string) => void): void {
  const body = byId<HTMLTableElement>('tickets').tBodies[0];
  byId('tickets-caption').textContent =
    rows.length === 0 ? 'Helpdesk tickets: none match these filters' : `Helpdesk tickets: ${rows.length} shown, overdue first`;
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = element('tr');
      if (row.overdue) tr.className = 'overdue';
      const button = element('button', row.id, 'link');
      button.type = 'button';
      button.setAttribute('aria-label', `Open ticket ${row.id}`);
      button.addEventListener('click', () => open(row.id));
      const first = element('th');
      first.scope = 'row';
      first.append(button);
      // The words carry the meaning; the colour only repeats it.
      const dueCell = cell(element('span', dueText(row), row.overdue ? 'due-overdue' : 'due-ok'));
      // What the reminder sweep already did about this wait, so nobody escalates it a second time by hand.
      if (row.reminder) dueCell.append(element('span', row.reminder.text, row.reminder.escalated ? 'escalated' : 'reminded'));
      const waiting = element('td', row.ageText);
      waiting.title = `Waiting since ${row.waitingSinceText}`;
      tr.append(
        first,
        dueCell,
        element('td', row.stateLabel),
        element('td', row.kind),
        element('td', row.organisation),
        element('td', row.requester),
        element('td', row.icsName),
        waiting,
        element('td', row.withWhom),
      );
      return tr;
    }),
  );
}

function cell(content: HTMLElement): HTMLTableCellElement {
  const td = element('td');
  td.append(content);
  return td;
}

/** Used when a ticket is opened: its facts, checks, people and audit trail. */
export function renderDetail(detail: TicketDetail): void {
  byId('detail-heading').textContent = `${detail.heading}: ${detail.stateLabel}`;
  byId('detail-facts').replaceChildren(...detail.facts.flatMap((fact) => [element('dt', fact.label), element('dd', fact.value)]));
  byId('detail-checklist').replaceChildren(
    ...detail.checklist.map((item) => {
      const line = element('li');
      line.append(element('strong', `${item.mark} ${item.label}: `), document.createTextNode(item.status));
      if (item.evidence) line.append(element('div', item.evidence, 'evidence'));
      return line;
    }),
  );

  const people = byId('detail-people');
  people.replaceChildren();
  if (detail.people.length > 0) {
    people.append(
      element('h3', 'Staff asked for'),
      table(
        'People asked for in this request',
        ['Name', 'Job title', 'UCP role', 'E-mail'],
        detail.people.map((p) => [p.name, p.jobTitle, p.role, p.email]),
      ),
    );
  }
  if (detail.leavers.length > 0) {
    people.append(
      element('h3', 'Leavers'),
      table(
        'People to remove from the UCP',
        ['Name', 'E-mail', 'Last working day'],
        detail.leavers.map((l) => [l.name, l.email, l.lastWorkingDay]),
      ),
    );
  }

  byId('detail-reminders').replaceChildren(
    ...(detail.reminders.length === 0 ? [element('li', 'None sent.')] : detail.reminders.map((line) => element('li', line))),
  );

  const audit = byId<HTMLTableElement>('detail-audit').tBodies[0];
  audit.replaceChildren(
    ...(detail.audit.length === 0
      ? [row([{ text: 'Nothing recorded yet.', span: 6 }])]
      : detail.audit.map((line) => row([line.when, line.who, line.what, line.from, line.to, line.reason].map((text) => ({ text }))))),
  );
}

function row(cells: { text: string; span?: number }[]): HTMLTableRowElement {
  const tr = element('tr');
  for (const { text, span } of cells) {
    const td = element('td', text);
    if (span) td.colSpan = span;
    tr.append(td);
  }
  return tr;
}

function table(caption: string, headings: string[], rows: string[][]): HTMLTableElement {
  const made = element('table');
  made.append(element('caption', caption));
  const head = element('thead');
  const tr = element('tr');
  for (const heading of headings) {
    const th = element('th', heading);
    th.scope = 'col';
    tr.append(th);
  }
  head.append(tr);
  const body = element('tbody');
  body.append(...rows.map((cells) => row(cells.map((text) => ({ text })))));
  made.append(head, body);
  return made;
}
