import { runAdmin } from './runAdmin.js';

/** Entry point of `npm run admin -- <command>`. */
process.exitCode = await runAdmin(process.argv.slice(2));
