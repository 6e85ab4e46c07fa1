import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A local stand-in for login.botframework.com, served over HTTPS with a self-signed certificate. */
export interface KeyServer {
  /** OpenID metadata whose jwks_uri publishes the given keys. */
  metadataUrl: string;
  /** OpenID metadata whose jwks_uri answers 500. */
  brokenKeysMetadataUrl: string;
  /** The certificate to trust (NODE_EXTRA_CA_CERTS for the bot process). */
  caFile: string;
  /** How many requests it has answered so far. */
  requests(): number;
  close(): void;
}

/** Starts the key server on a free loopback port; `keys` are published as the JWKS `keys` array. */
export async function startKeyServer(keys: object[]): Promise<KeyServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ucp-keys-'));
  const keyFile = path.join(dir, 'key.pem');
  const caFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  let base = '';
  let requests = 0;
  const routes: Record<string, () => [number, unknown]> = {
    '/v1/.well-known/openidconfiguration': () => [200, { issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/keys` }],
    '/v1/keys': () => [200, { keys }],
    '/broken/.well-known/openidconfiguration': () => [200, { issuer: 'https://api.botframework.com', jwks_uri: `${base}/broken/keys` }],
  };
  const server = https.createServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (req, res) => {
    requests += 1;
    const [status, body] = routes[req.url ?? '']?.() ?? [500, { error: 'unavailable' }];
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    brokenKeysMetadataUrl: `${base}/broken/.well-known/openidconfiguration`,
    caFile,
    requests: () => requests,
    close: () => {
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
