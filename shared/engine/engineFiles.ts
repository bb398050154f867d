/**
 * Where registered files live, so confinement (confine.ts) can allow exactly that folder. The wasm
 * engines keep them in a virtual folder (nothing on disk in the browser; in Node a registered name
 * maps to the file the app chose); the native engine uses its own files folder. SQL names a
 * registered file by registeredPath(engine, name), which works for both.
 */

/** The wasm engines' folder of registered files. */
export const WASM_FILES_DIR = '/tenure-files';

/** The SQL path of the file registered under `name`: inside the engine's files folder when it has one. */
export function registeredPath(engine: { readonly filesDir?: string }, name: string): string {
  const dir = engine.filesDir;
  if (!dir) return name;
  return /[\\/]$/.test(dir) ? `${dir}${name}` : `${dir}/${name}`;
}
