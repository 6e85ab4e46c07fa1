/** The queue's pages in the browser: "Showing 51-100 of 312" with Previous and Next, and the CSV download of the filter. */
import type { QueuePaging } from '../queueQuery.js';
import { byId } from './render.js';
import type { Download } from './tabApi.js';

/** Used after each load: the words for where this page sits, and buttons that only offer pages that exist. */
export function renderPaging(paging: QueuePaging, go: (page: number) => void): void {
  byId('page-showing').textContent = paging.text;
  const previous = byId<HTMLButtonElement>('page-previous');
  const next = byId<HTMLButtonElement>('page-next');
  previous.disabled = paging.page <= 1;
  next.disabled = paging.page >= paging.pages;
  previous.onclick = () => go(paging.page - 1);
  next.onclick = () => go(paging.page + 1);
  byId('paging').hidden = paging.total <= paging.pageSize;
}

/** Offers a fetched file as a download: the API needs the Teams token in a header, so a plain link cannot carry it. */
export function offerDownload(file: Download): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken its copy once the click is handled; freeing the blob at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
