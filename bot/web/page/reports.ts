/** The tab's Reports: choose a report and its dates, see its tables, download it as CSV (with the same sign-in as the queue). */
import type { ReportView } from '../../reports/reportTables.js';
import { byId, fillSelect } from './render.js';
import { callTabApi, TabApiError, type RefusalWords } from './tabApi.js';

type Choice = { value: string; label: string };
interface ReportResponse extends ReportView {
  icsChoices: Choice[];
}

const REPORT_WORDS: RefusalWords = {
  byStatus: {
    401: 'Your sign-in could not be checked. Please close and reopen the tab.',
    403: 'Only members of the UCP helpdesk can see the reports. If you should be one, ask a system administrator to add you to the helpdesk roster.',
    503: 'Sign-in cannot be checked right now. Please try again in a minute.',
  },
  badRequest: 'The report could not be read with these dates. Please check them and try again.',
  otherwise: 'Something went wrong reading the report. Please try again.',
};

/** Wires the reports form once the person is signed in; `token` is absent outside Teams (local mode). */
export function startReports(token: (() => Promise<string>) | undefined): void {
  const form = byId<HTMLFormElement>('report-form');
  const name = byId<HTMLSelectElement>('report-name');
  const from = byId<HTMLInputElement>('report-from');
  const to = byId<HTMLInputElement>('report-to');
  const ics = byId<HTMLSelectElement>('report-ics');
  const problem = byId('report-problem');
  // Its own status line, so a report never overwrites what the queue said.
  const say = (text: string) => {
    byId('report-status').textContent = text;
  };

  const query = () => new URLSearchParams({ from: from.value, to: to.value, ics: ics.value }).toString();

  const call = (path: string) => callTabApi(path, path.includes('.csv?') ? 'text/csv' : 'application/json', token, REPORT_WORDS);

  function showProblem(err: unknown): void {
    problem.textContent = err instanceof TabApiError ? err.message : 'Something went wrong on this page. Please reload it.';
    problem.hidden = false;
    say('');
    // Never leave an earlier report's tables under the new choices, as if they answered them.
    for (const id of ['report-title', 'report-note']) byId(id).textContent = '';
    byId('report-tables').replaceChildren();
  }

  async function show(): Promise<void> {
    say('Loading the report…');
    try {
      const view = (await (await call(`/api/tab/reports/${name.value}?${query()}`)).json()) as ReportResponse;
      fillSelect(ics, view.icsChoices);
      renderReport(view);
      problem.hidden = true;
      const rows = view.tables[view.tables.length - 1].rows.length;
      say(`${view.title}: ${rows} ${rows === 1 ? 'row' : 'rows'}.`);
    } catch (err) {
      showProblem(err);
    }
  }

  async function download(): Promise<void> {
    say('Preparing the CSV file…');
    try {
      const blob = await (await call(`/api/tab/reports/${name.value}.csv?${query()}`)).blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `ucp-${name.value}-report.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      problem.hidden = true;
      say('The CSV file has been downloaded.');
    } catch (err) {
      showProblem(err);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show();
  });
  byId('report-csv').addEventListener('click', () => void download());
  // The first report also brings the ICS choices.
  void show();
}

/** Draws a report's tables; text goes in as text (reasons and names are typed by people). */
function renderReport(view: ReportView): void {
  byId('report-title').textContent = view.title;
  byId('report-note').textContent = view.note;
  byId('report-tables').replaceChildren(
    ...view.tables.map((table) => {
      const made = document.createElement('table');
      const caption = document.createElement('caption');
      caption.textContent = table.caption;
      const head = document.createElement('thead');
      const headRow = document.createElement('tr');
      for (const column of table.columns) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = column;
        headRow.append(th);
      }
      head.append(headRow);
      const body = document.createElement('tbody');
      const rows = table.rows.length === 0 ? [['Nothing to report for these choices.']] : table.rows;
      for (const cells of rows) {
        const tr = document.createElement('tr');
        for (const text of cells) {
          const td = document.createElement('td');
          td.textContent = String(text);
          if (table.rows.length === 0) td.colSpan = table.columns.length;
          tr.append(td);
        }
        body.append(tr);
      }
      made.append(caption, head, body);
      return made;
    }),
  );
}
