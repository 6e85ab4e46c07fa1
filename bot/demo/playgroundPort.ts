/** Where `npm run playground` puts the Agents Playground (scripts/playground.ts), and the line that says so. */
import { createServer } from 'node:net';

/** The playground's own default port; its TEAMSAPPTESTER_PORT setting names another. */
export const PLAYGROUND_PORT = 56150;

/** The port the person asked for (TEAMSAPPTESTER_PORT, as the playground reads it), else the playground's default. */
export function preferredPlaygroundPort(env: Record<string, string | undefined>): number {
  const asked = Number(env.TEAMSAPPTESTER_PORT);
  return Number.isInteger(asked) && asked > 0 && asked < 65536 ? asked : PLAYGROUND_PORT;
}

/**
 * The preferred port when nothing listens on it, else one the system has free. Chosen here rather than left to the
 * playground (which also falls back to a random port, but only says "Listening on <port>"), so the script can print the
 * address before the playground starts. Checked on every interface, as the playground listens.
 */
export async function choosePlaygroundPort(preferred: number): Promise<number> {
  return (await listenOnce(preferred)) ?? (await listenOnce(0)) ?? preferred;
}

/** The line `npm run playground` prints: where to open the playground, and why it is not the usual port when it is not. */
export function playgroundAddressLine(port: number, preferred: number): string {
  const address = `http://localhost:${port}`;
  return port === preferred
    ? `The playground will be at ${address}`
    : `Port ${preferred} is in use, so the playground will be at ${address}`;
}

/** Listens on `port` for a moment and gives back the port it got, or undefined when it was taken. */
function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, () => {
      const { port: got } = server.address() as { port: number };
      server.close(() => resolve(got));
    });
  });
}
