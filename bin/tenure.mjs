#!/usr/bin/env node
// `npx tenure …` after `npm link`: the bundled CLI (dist-cli/, `npm run build:cli`) when built, else
// the TypeScript sources through tsx's loader.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist-cli', 'cli.mjs');
let entry = bundle;
if (!existsSync(bundle)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = path.join(root, 'shared', 'node', 'cli.ts');
}
const { main } = await import(pathToFileURL(entry).href);
// exitCode, not exit(): a large JSON on stdout must drain first (NOTES.md).
process.exitCode = await main(process.argv.slice(2));
