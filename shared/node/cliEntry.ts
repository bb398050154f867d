/**
 * The bundled CLI's entry (dist-cli/cli.mjs): starts the native engine process first, then loads the
 * CLI itself, so both start-ups overlap (`tenure profile` on the Telco CSV: see docs/SCALING.md).
 * From the sources (`npm run cli`) cli.ts runs directly and forks when it needs the engine.
 */
import { pathToFileURL } from 'node:url';
import { prestartEngineProcess } from '../engine/node/engineChild';

/** Every command but help uses an engine; `--engine wasm` does not use the native one. */
function needsNativeEngine(argv: readonly string[]): boolean {
  const [name, ...rest] = argv;
  if (!name || name.startsWith('-')) return false;
  const i = rest.findIndex((a) => a === '--engine' || a.startsWith('--engine='));
  const kind = i < 0 ? 'native' : rest[i].includes('=') ? rest[i].slice('--engine='.length) : rest[i + 1];
  return kind === 'native';
}

export async function main(argv: string[]): Promise<number> {
  if (needsNativeEngine(argv)) prestartEngineProcess();
  const cli = await import('./cli');
  return cli.main(argv);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // main() has waited for its output to drain, so exiting here cuts nothing off.
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
