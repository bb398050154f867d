/**
 * The CLI's Parquet folder input: `tenure pareto data/sales --customer id …` or a quoted glob
 * (`'data/year=*\/*.parquet'`). The folder is read in place: the engine process starts with it
 * allowed (no restart), and the view covers every file the glob matches.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { QueryEngine } from '../engine/QueryEngine';
import { TenureError } from '../errors';
import type { ImportResult } from '../import/importTypes';
import { folderImportResult, importParquetFolder, isGlob, splitFolderInput, type ParquetFolderInput } from '../import/parquetFolder';
import { startCliEngine } from './cliEngine';
import type { CliContext } from './cliTypes';

/** A folder or glob input as folder + pattern (absolute folder); null for a plain file. */
export function cliFolderInput(input: string): ParquetFolderInput | null {
  let f: ParquetFolderInput;
  if (isGlob(input)) f = splitFolderInput(input);
  else {
    try {
      if (!statSync(input).isDirectory()) return null;
    } catch {
      return null; // a missing path: the file reader says so
    }
    f = splitFolderInput(input);
  }
  const folder = path.resolve(f.folder);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new TenureError('file.notFound', `${f.folder}: no such folder`, { file: f.folder });
  }
  return { folder, pattern: f.pattern.replace(/\\/g, '/') };
}

export async function openFolderFromCli(ctx: CliContext, f: ParquetFolderInput): Promise<{ engine: QueryEngine; imported: ImportResult }> {
  const engine = await startCliEngine(ctx, { readDirs: [f.folder] });
  try {
    return { engine, imported: folderImportResult(await importParquetFolder(engine, f)) };
  } catch (err) {
    await engine.close();
    throw err;
  }
}
