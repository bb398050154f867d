import { defineConfig, type EnvironmentOptions } from 'vite';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';

// Electron main + preload + the engine process as CommonJS: dist-electron/{main,preload,engineProcess}.cjs.
// Everything but electron and Node built-ins is bundled, so the packaged app needs no
// node_modules at runtime. Two separate builds (Vite environments), not one with two inputs: a
// shared chunk would make the sandboxed preload require('./chunk.cjs'), which a sandbox refuses —
// it may only require('electron').
const external = ['electron', /^electron\//, /^node:/, ...builtinModules];

// The engine process loads native DuckDB: its package (with the .node binary) ships beside the
// bundle, unpacked from the asar (electron-builder.yml), and is never bundled.
const ENTRIES = { main: 'electron/main.ts', preload: 'electron/preload.ts', engineProcess: 'shared/engine/node/engineProcess.ts' };

function nodeBundle(entry: keyof typeof ENTRIES): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true },
    build: {
      outDir: 'dist-electron',
      // Both builds write here: the first clears it (see builder.buildApp), the second must not.
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      ssr: true,
      copyPublicDir: false,
      lib: {
        entry: resolve(import.meta.dirname, ENTRIES[entry]),
        formats: ['cjs'],
        fileName: () => `${entry}.cjs`,
      },
      rolldownOptions: { external: entry === 'engineProcess' ? [...external, /^@duckdb\/node-/] : external, output: { codeSplitting: false } },
    },
  };
}

export default defineConfig({
  publicDir: false,
  environments: {
    electronMain: nodeBundle('main'),
    electronPreload: nodeBundle('preload'),
    engineProcess: nodeBundle('engineProcess'),
  },
  builder: {
    async buildApp(builder) {
      const { rm } = await import('node:fs/promises');
      await rm(resolve(import.meta.dirname, 'dist-electron'), { recursive: true, force: true });
      await builder.build(builder.environments.electronMain);
      await builder.build(builder.environments.electronPreload);
      await builder.build(builder.environments.engineProcess);
    },
  },
});
