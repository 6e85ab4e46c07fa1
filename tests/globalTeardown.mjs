/** After the tests: removes the service build tests/globalSetup.mjs made. */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function globalTeardown() {
  rmSync(fileURLToPath(new URL('../.build-test-service', import.meta.url)), { recursive: true, force: true });
}
