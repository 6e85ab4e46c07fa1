/** The helpdesk tab in the browser: finds out whether it runs in Teams, then loads the queue and opens tickets. */
import { byId, fillSelect, renderDetail, renderQueue } from './render.js';
import { startReports } from './reports.js';
import { tabApi, TabApiError } from './tabApi.js';
import { teamsSession } from './teamsSession.js';

const status = byId('status');
const problem = byId('problem');
const stateFilter = byId<HTMLSelectElement>('filter-state');
const icsFilter = byId<HTMLSelectElement>('filter-ics');
const assigneeFilter = byId<HTMLSelectElement>('filter-assignee');
const detail = byId('detail');

function say(text: string): void {
  status.textContent = text;
}

function showProblem(err: unknown): void {
  say('');
  problem.textContent = err instanceof TabApiError ? err.message : 'Something went wrong on this page. Please reload it.';
  problem.hidden = false;
}

async function start(): Promise<void> {
  const local = document.body.dataset.mode !== 'authenticated';
  byId('local-banner').hidden = !local;
  say('Loading the helpdesk queue…');
  const session = await teamsSession();
  if (session) byId('who').textContent = `Signed in to Teams as ${session.userName}.`;
  else if (!local) {
    say('');
    problem.textContent = 'Please open this page as a tab in Microsoft Teams: the helpdesk queue needs your Teams sign-in.';
    problem.hidden = false;
    return;
  }
  const api = tabApi(session ? () => session.token() : undefined);
  startReports(session ? () => session.token() : undefined);

  async function loadQueue(): Promise<void> {
    say('Loading tickets…');
    try {
      const view = await api.queue({ state: stateFilter.value, ics: icsFilter.value, assignee: assigneeFilter.value });
      fillSelect(stateFilter, view.filters.states);
      fillSelect(icsFilter, view.filters.ics);
      fillSelect(assigneeFilter, view.filters.assignees);
      renderQueue(view.rows, (id) => void openTicket(id));
      problem.hidden = true;
      const overdue = view.rows.filter((row) => row.overdue).length;
      say(`${view.rows.length} ${view.rows.length === 1 ? 'ticket' : 'tickets'} shown, ${overdue} overdue.`);
    } catch (err) {
      showProblem(err);
    }
  }

  let opened = '';
  async function openTicket(id: string): Promise<void> {
    opened = id;
    say(`Opening ticket ${id}…`);
    try {
      renderDetail(await api.ticket(id));
      detail.hidden = false;
      problem.hidden = true;
      say(`Ticket ${id} is open below the queue.`);
      byId('detail-heading').focus();
    } catch (err) {
      showProblem(err);
    }
  }

  for (const select of [stateFilter, icsFilter, assigneeFilter]) select.addEventListener('change', () => void loadQueue());
  byId('refresh').addEventListener('click', () => void loadQueue());
  byId('clear-filters').addEventListener('click', () => {
    stateFilter.value = 'open';
    icsFilter.value = '';
    assigneeFilter.value = '';
    void loadQueue();
  });
  byId('close-detail').addEventListener('click', () => {
    detail.hidden = true;
    say('Ticket closed. Back to the queue.');
    // Back where the agent was: the button of the ticket they opened, if the queue still shows it.
    const buttons = [...byId<HTMLTableElement>('tickets').querySelectorAll('tbody button')] as HTMLButtonElement[];
    (buttons.find((button) => button.textContent === opened) ?? buttons[0])?.focus();
  });
  byId('filters').addEventListener('submit', (event) => event.preventDefault());
  await loadQueue();
}

void start().catch(showProblem);
