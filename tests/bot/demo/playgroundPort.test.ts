import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { choosePlaygroundPort, PLAYGROUND_PORT, playgroundAddressLine, preferredPlaygroundPort } from '../../../bot/demo/playgroundPort.js';

describe('where npm run playground puts the playground', () => {
  it('uses the port asked for when nothing listens on it', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    expect(await choosePlaygroundPort(port)).toBe(port);
    expect(playgroundAddressLine(port, port)).toBe(`The playground will be at http://localhost:${port}`);
  });

  it('takes a free port when the one asked for is in use, and says so with the address', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const takenPort = (taken.address() as { port: number }).port;
    try {
      const port = await choosePlaygroundPort(takenPort);
      expect(port).not.toBe(takenPort);
      expect(port).toBeGreaterThan(0);
      expect(playgroundAddressLine(port, takenPort)).toBe(
        `Port ${takenPort} is in use, so the playground will be at http://localhost:${port}`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('asks for 56150 unless TEAMSAPPTESTER_PORT names a port, as the playground itself reads it', () => {
    expect(PLAYGROUND_PORT).toBe(56150);
    expect(preferredPlaygroundPort({})).toBe(56150);
    expect(preferredPlaygroundPort({ TEAMSAPPTESTER_PORT: '4100' })).toBe(4100);
    expect(preferredPlaygroundPort({ TEAMSAPPTESTER_PORT: 'soon' })).toBe(56150);
    expect(preferredPlaygroundPort({ TEAMSAPPTESTER_PORT: '70000' })).toBe(56150);
  });
});
