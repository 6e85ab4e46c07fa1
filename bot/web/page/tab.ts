/** The helpdesk tab in the browser: finds out whether it runs in Teams, then loads the queue and opens tickets. */
import type { QueuePaging } from '../queueQuery.js';
import { offerDownload, renderPaging } from './paging.js';
import { byId, fillSelect, renderDetail, renderQueue } from './render.js';
import { startReports } from './reports.js';
import { tabApi, TabApiError } from './tabApi.js';
import { teamsSession } from './teamsSession.js';

const status = byId('status');
const problem = byId('problem');
const stateFilter = byId<HTMLSelectElement>('filter-state');
const icsFilter = byId<HTMLSelectElement>('filter-ics');
const assigneeFilter = byId<HTMLSelectElement>('filter-assignee');
const searchBox = byId<HTMLInputElement>('filter-q');
const detail = byId('detail');

function say(text: string): void {
  status.textContent = text;
}

function showProblem(err: unknown): void {
  say('');
  problem.textContent = err instanceof TabApiError ? err.message : 'Something went wrong on this page. Please reload it.';
  problem.hidden = false;
}

// One page needs no "Showing 1-3 of 3": the count alone says it.
function countText(paging: QueuePaging): string {
  if (paging.pages > 1) return paging.text;
  return `${paging.total} ${paging.total === 1 ? 'ticket' : 'tickets'} shown`;
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

  // What the list and the CSV show: the filters and the search as they are now (the page number only for the list).
  const current = () => ({ state: stateFilter.value, ics: icsFilter.value, assignee: assigneeFilter.value, q: searchBox.value.trim() });
  let page = 1;
  let total = 0;
  // The CSV holds what the list shows, even if the search box has been edited since without pressing Search.
  let shown = current();
  let latest = 0;
  async function loadQueue(wanted = 1): Promise<void> {
    say('Loading tickets…');
    // Only the answer to the latest request is drawn: an earlier, slower one (a search typed over) must not replace it.
    const mine = ++latest;
    try {
      const filters = current();
      const view = await api.queue({ ...filters, page: String(wanted) });
      if (mine !== latest) return;
      fillSelect(stateFilter, view.filters.states);
      fillSelect(icsFilter, view.filters.ics);
      fillSelect(assigneeFilter, view.filters.assignees);
      renderQueue(view.rows, (id) => void openTicket(id));
      page = view.paging.page;
      total = view.paging.total;
      shown = filters;
      renderPaging(view.paging, (to) => void loadQueue(to));
      byId('search-scope').hidden = filters.q === '' || view.searchedArchive;
      problem.hidden = true;
      say(`${countText(view.paging)}, ${view.overdue} overdue.`);
    } catch (err) {
      if (mine === latest) showProblem(err);
    }
  }

  async function downloadCsv(): Promise<void> {
    say('Preparing the CSV file…');
    try {
      const file = await api.csv(shown);
      offerDownload(file);
      problem.hidden = true;
      say(`Downloading ${file.fileName}: ${total} ${total === 1 ? 'ticket' : 'tickets'}, every page of these filters.`);
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
  byId('refresh').addEventListener('click', () => void loadQueue(page));
  byId('download-csv').addEventListener('click', () => void downloadCsv());
  byId('clear-filters').addEventListener('click', () => {
    stateFilter.value = 'open';
    icsFilter.value = '';
    assigneeFilter.value = '';
    searchBox.value = '';
    void loadQueue();
  });
  byId('close-detail').addEventListener('click', () => {
    detail.hidden = true;
    say('Ticket closed. Back to the queue.');
    // Back where the agent was: the button of the ticket they opened, if the queue still shows it.
    const buttons = [...byId<HTMLTableElement>('tickets').querySelectorAll('tbody button')] as HTMLButtonElement[];
    (buttons.find((button) => button.textContent === opened) ?? buttons[0])?.focus();
  });
  byId('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void loadQueue();
  });
  await loadQueue();
}

void start().catch(showProblem);
