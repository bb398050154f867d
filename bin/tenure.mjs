#!/usr/bin/env node
// `npx tenure …` after `npm link`: run the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { main } = await import(path.join(here, '..', 'shared', 'node', 'cli.ts'));
process.exit(await main(process.argv.slice(2)));
