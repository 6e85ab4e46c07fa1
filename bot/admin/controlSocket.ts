/**
 * Administration while the bot runs (issue 17 point 6). The lowdb store has one writer per data folder, so the running bot
 * accepts admin commands on a local socket in DATA_DIR (`admin.sock`, mode 0600: only its owner may connect; no network
 * port) and runs them through its own store: the CLI gives the same output and exit code whether the bot runs or not.
 * One request per connection: a JSON line {argv, actor}; the answer is JSON lines {out} / {err}, then {exit}.
 */
import { chmod, mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export const CONTROL_SOCKET = 'admin.sock';

/** What the CLI sends: the command line and who runs it (recorded in the audit trail). */
export interface ControlRequest {
  argv: string[];
  actor: string;
}

export type ControlLine = { out: string } | { err: string } | { exit: number };

/** Runs one request; `say` streams its output back. */
export type ControlHandler = (request: ControlRequest, say: (line: ControlLine) => void) => Promise<number>;

export interface ControlSocket {
  readonly path: string;
  close(): Promise<void>;
}

/** The longest request taken (a command line is short): anything longer is refused unread. */
const MAX_REQUEST_BYTES = 64 * 1024;

/** Listens on DATA_DIR/admin.sock, owner-only. A socket file left by a bot that died is replaced. */
export async function startControlSocket(dataDir: string, handle: ControlHandler): Promise<ControlSocket> {
  const socketPath = path.join(dataDir, CONTROL_SOCKET);
  // With STORE=postgres nothing else creates DATA_DIR: the socket is the only thing kept there.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // This process holds the data folder's writer lock, so a socket file here is a dead bot's leftover.
  await rm(socketPath, { force: true });
  const server = net.createServer((connection) => serve(connection, handle));
  // Created owner-only from the start (no moment in which another user could connect), then confirmed with chmod.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  await chmod(socketPath, 0o600);
  return {
    path: socketPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        void rm(socketPath, { force: true });
      }),
  };
}

function serve(connection: net.Socket, handle: ControlHandler): void {
  let received = '';
  const say = (line: ControlLine) => connection.write(`${JSON.stringify(line)}\n`);
  connection.setEncoding('utf8');
  connection.on('error', () => undefined);
  connection.on('data', (chunk: string) => {
    received += chunk;
    if (received.length > MAX_REQUEST_BYTES) {
      say({ err: 'The admin command was too long.' });
      connection.end(`${JSON.stringify({ exit: 2 })}\n`);
      return;
    }
    const end = received.indexOf('\n');
    if (end === -1) return;
    connection.removeAllListeners('data');
    const request = parseRequest(received.slice(0, end));
    if (!request) {
      say({ err: 'The admin command could not be read.' });
      connection.end(`${JSON.stringify({ exit: 2 })}\n`);
      return;
    }
    handle(request, say).then(
      (code) => connection.end(`${JSON.stringify({ exit: code })}\n`),
      () => connection.end(`${JSON.stringify({ exit: 1 })}\n`),
    );
  });
}

function parseRequest(text: string): ControlRequest | undefined {
  try {
    const value = JSON.parse(text) as Partial<ControlRequest>;
    if (!Array.isArray(value.argv) || !value.argv.every((a) => typeof a === 'string')) return undefined;
    if (typeof value.actor !== 'string' || value.actor === '' || value.actor.length > 200) return undefined;
    return { argv: value.argv, actor: value.actor };
  } catch {
    return undefined;
  }
}

/**
 * Sends a command to the running bot. Resolves with its exit code once it has finished, or undefined when no bot is
 * listening (no socket file, or nobody behind it): the CLI then runs the command itself.
 */
export async function sendToRunningBot(
  dataDir: string,
  request: ControlRequest,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number | undefined> {
  const socketPath = path.join(dataDir, CONTROL_SOCKET);
  return new Promise((resolve) => {
    const connection = net.createConnection(socketPath);
    let connected = false;
    let buffered = '';
    let exit: number | undefined;
    connection.setEncoding('utf8');
    connection.on('connect', () => {
      connected = true;
      connection.write(`${JSON.stringify(request)}\n`);
    });
    connection.on('data', (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\n')) !== -1) {
        const line = JSON.parse(buffered.slice(0, end)) as ControlLine;
        buffered = buffered.slice(end + 1);
        if ('out' in line) out(line.out);
        else if ('err' in line) err(line.err);
        else exit = line.exit;
      }
    });
    connection.on('error', () => {
      if (!connected) resolve(undefined);
    });
    connection.on('close', () => {
      if (!connected) return;
      if (exit === undefined) err('The bot stopped before the command finished: check what it did (tickets, audit) and run it again.');
      resolve(exit ?? 1);
    });
  });
}
