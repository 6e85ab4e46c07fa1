/** Entry point of `npx ucp-admin <command>` (bin/ucp-admin.mjs loads it through tsx). The commands load inside the try, so broken reference data is one line, not a stack. */
try {
  const { runAdmin } = await import('./runAdmin.js');
  process.exitCode = await runAdmin(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`cannot run: ${(err as Error).message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
