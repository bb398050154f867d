import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from '../helpers/paths';
import { serveStatic } from './staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Serve the production build (dist/, made by `npm run test:e2e`) for every e2e file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dist = path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` (npm run test:e2e does it).');
  const server = await serveStatic(dist);
  project.provide('baseURL', server.url);
  return () => server.close();
}
