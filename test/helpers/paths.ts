import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ../shared beside the project (CI clones it there). */
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const DATA = path.join(SHARED, 'data');
export const GOLDEN = path.join(SHARED, 'golden');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
