#!/usr/bin/env node
// The `ucp-admin` command (`npx ucp-admin <command>` in the project folder). A bin must run on plain node, and the CLI is
// TypeScript: register tsx (a runtime dependency, so it is there after `npm ci --omit=dev` and in the container image) and
// load the source. Not dist/: a built copy goes stale the moment the source is edited, and an admin command that runs
// yesterday's code is worse than one that starts a few hundred milliseconds slower.
import { register } from 'tsx/esm/api';

register();
await import('../bot/admin/cli.ts');
