import { runAdmin } from '../../bot/admin/runAdmin.js';

export interface AdminRun {
  code: number;
  out: string;
  err: string;
}

/** Runs one admin command against `dataDir`, as `npx ucp-admin …` would, capturing what it prints. */
export async function runAdminIn(dataDir: string, ...argv: string[]): Promise<AdminRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, { env: { DATA_DIR: dataDir }, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
