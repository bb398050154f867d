// The CLI as bundled JavaScript (no TypeScript compiler at run time): dist-cli/cli.mjs and the
// engine process it forks, dist-cli/engineProcess.mjs. Packages stay in node_modules (native DuckDB,
// duckdb-wasm's files, resvg); only the project's own code is bundled. `bin/tenure.mjs` uses it when built.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rmSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist-cli');

// Start clean: chunk names carry content hashes, so old chunks would pile up beside the new ones.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { cli: path.join(root, 'shared/node/cliEntry.ts'), engineProcess: path.join(root, 'shared/engine/node/engineProcess.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages are bundled too (ESM resolution of apache-arrow's and zod's hundreds of modules cost ~0.5 s of
  // start-up); native DuckDB, duckdb-wasm (its wasm/worker files are found by path) and resvg stay outside.
  external: ['@duckdb/node-bindings*', '@duckdb/duckdb-wasm', '@resvg/*'],
  banner: { js: "import { createRequire as __tenureCreateRequire } from 'node:module'; const require = __tenureCreateRequire(import.meta.url);" },
  // Dynamic imports stay lazy (charts, decks, the engine not chosen): separate chunks.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
