/** A CSV answer the browser saves as a file: never cached (it holds personal data), named for what it holds. */
import type { Response } from 'restify';

export function sendCsv(res: Response, fileName: string, body: string): void {
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}
