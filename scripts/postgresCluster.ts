/**
 * A throwaway PostgreSQL cluster for the PostgreSQL test suites (`npm run test:pg`, CI): initdb into a temporary folder,
 * started on a free loopback port with a private socket folder, one empty database, and everything removed at the end —
 * also when the command fails or is interrupted (Ctrl-C). As root (CI, this machine) the server runs as the `postgres`
 * system user, since PostgreSQL refuses to run as root; as anyone else it runs as that user.
 *
 * Usage: node --import tsx scripts/postgresCluster.ts <command> [args…]
 * runs the command with TEST_DATABASE_URL set to the cluster's database, then stops the cluster and exits with the
 * command's exit code.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The database the suites use inside the cluster. */
const DATABASE = 'ucp_test';

export interface PostgresCluster {
  /** postgres://…@127.0.0.1:<port>/ucp_test (trust authentication: no password exists to leak). */
  readonly url: string;
  /** Stops the server and removes its folder; safe to call more than once. */
  stop(): Promise<void>;
  /**
   * Stops the server as an outage would (pg_ctl stop -m fast: open connections are cut) and keeps its folder, so
   * startServer() brings the same database back on the same port. For tests of how clients live through an outage.
   */
  stopServer(): Promise<void>;
  /** Starts the server stopped by stopServer() again; resolves once it accepts connections. */
  startServer(): Promise<void>;
}

/** The server binaries: PG_BIN if set, else Debian's newest installed version (/usr/lib/postgresql/<version>/bin). */
function serverBinaries(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('No PostgreSQL server found in /usr/lib/postgresql: install it (apt-get install postgresql) or set PG_BIN.');
  return path.join(root, newest, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; the caller must call stop() (startPostgresCluster cleans up itself when it fails half way). */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = serverBinaries();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ucp-pg-'));
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'socket');
  await mkdir(socket);
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    for (const folder of [dir, socket]) await chown(folder, Number(stdout.trim()), Number(group.trim()));
  }
  // As root, every server command runs as the postgres system user.
  const server = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);

  let started = false;
  let stopped = false;
  let settings = '';
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (started) await server('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  const startServer = async () => {
    if (stopped) throw new Error('This PostgreSQL test cluster has been removed.');
    await server('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', path.join(dir, 'server.log'), '-o', settings]);
    started = true;
  };
  const stopServer = async () => {
    if (stopped || !started) return;
    await server('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
    started = false;
  };

  try {
    // Trust authentication: the server listens on loopback and a private socket folder only, and lives for one test run.
    await server('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-instructions']);
    const port = await freePort();
    settings = [
      `-c listen_addresses=127.0.0.1`,
      `-p ${port}`,
      `-c unix_socket_directories=${socket}`,
      // Real durability, as production has it: a commit is on disk when it returns.
      `-c fsync=on`,
      `-c synchronous_commit=on`,
      `-c max_connections=200`,
    ].join(' ');
    await startServer();
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`, stop, stopServer, startServer };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs the command given on the command line with TEST_DATABASE_URL set, and always stops the cluster. */
async function main(command: string[]): Promise<number> {
  if (command.length === 0) {
    console.error('Usage: node --import tsx scripts/postgresCluster.ts <command> [args…]');
    return 2;
  }
  const started = Date.now();
  const cluster = await startPostgresCluster();
  console.log(`PostgreSQL test cluster started in ${((Date.now() - started) / 1000).toFixed(1)} s; it is removed when the tests end.`);
  const interrupted = (signal: NodeJS.Signals) => {
    void cluster.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(command[0], command.slice(1), {
        stdio: 'inherit',
        env: { ...process.env, TEST_DATABASE_URL: cluster.url },
      });
      child.once('error', (error) => {
        console.error(`Could not start ${command[0]}: ${error.message}`);
        resolve(1);
      });
      child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await cluster.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`The PostgreSQL test cluster could not be started: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
