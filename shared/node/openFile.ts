import type { QueryEngine } from '../engine/QueryEngine';
import { importFile, planImport, type ImportResult } from '../import/importFile';
import type { ColumnOverride, ColumnType } from '../import/importTypes';
import { nodeFileSource } from './nodeFileSource';
import { TenureError } from '../errors';
import type { CliContext } from './cliTypes';
import { startCliEngine } from './cliEngine';
import { cliFolderInput, openFolderFromCli } from './openFolder';

const DELIMITER_NAMES: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', pipe: '|', '\\t': '\t' };

/** Start a Node engine and import FILE with the common CLI options (--sheet --table --encoding --delimiter --header-row). */
export async function openFileFromCli(ctx: CliContext, types: Record<string, ColumnType> = {}): Promise<{ engine: QueryEngine; imported: ImportResult }> {
  const file = ctx.positionals[0] ?? (ctx.values.input as string | undefined);
  if (!file) throw new TenureError('cli.missingFile', 'Missing FILE argument');
  const folder = cliFolderInput(file);
  if (folder) return openFolderFromCli(ctx, folder);
  const src = nodeFileSource(file);
  const headerRow = ctx.values['header-row'] !== undefined ? Number(ctx.values['header-row']) : undefined;
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1)) {
    throw new TenureError('cli.badOption', `--header-row expects a positive whole number, got "${ctx.values['header-row']}"`, { params: { message: `--header-row expects a positive whole number, got "${ctx.values['header-row']}"` } });
  }
  let delimiter = ctx.values.delimiter as string | undefined;
  if (delimiter !== undefined) {
    delimiter = DELIMITER_NAMES[delimiter.toLowerCase()] ?? delimiter;
    if ([...delimiter].length !== 1 || /[\r\n"]/.test(delimiter)) {
      const message = `--delimiter expects one character (or comma, semicolon, tab, pipe), got "${ctx.values.delimiter}"`;
      throw new TenureError('cli.badOption', message, { params: { message } });
    }
  }
  const engine = await startCliEngine(ctx);
  try {
    const opts = { sheet: ctx.values.sheet as string | undefined, dbTable: ctx.values.table as string | undefined, encoding: ctx.values.encoding as string | undefined, delimiter, headerRow };
    const columns = Object.keys(types).length ? await columnOverrides(engine, src, opts, types) : undefined;
    const imported = await importFile(engine, src, { ...opts, columns });
    return { engine, imported };
  } catch (err) {
    await engine.close();
    throw err;
  }
}

/** `--type COL=TYPE` choices as the import's per-position overrides (names as detected or as written). */
async function columnOverrides(engine: QueryEngine, src: ReturnType<typeof nodeFileSource>, opts: object, types: Record<string, ColumnType>): Promise<Record<number, ColumnOverride>> {
  const { plan } = await planImport(engine, src, opts);
  const out: Record<number, ColumnOverride> = {};
  for (const [name, type] of Object.entries(types)) {
    const col = plan.columns.find((c) => c.name === name) ?? plan.columns.find((c) => c.source === name);
    if (!col) {
      const message = `--type: no column named "${name}" (columns: ${plan.columns.map((c) => c.name).join(', ')})`;
      throw new TenureError('cli.badOption', message, { params: { message } });
    }
    out[col.index] = { type };
  }
  return out;
}

const TYPE_NAMES: Record<string, ColumnType> = {
  varchar: 'VARCHAR', text: 'VARCHAR', bigint: 'BIGINT', integer: 'BIGINT', double: 'DOUBLE', number: 'DOUBLE',
  boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP',
};

/** Parse repeated `--type COL=TYPE` values. */
export function parseTypeOptions(values: string[] | undefined): Record<string, ColumnType> {
  const out: Record<string, ColumnType> = {};
  for (const v of values ?? []) {
    const at = v.lastIndexOf('=');
    const type = at > 0 ? TYPE_NAMES[v.slice(at + 1).trim().toLowerCase()] : undefined;
    if (!type) {
      const message = `--type expects COLUMN=TYPE with TYPE one of ${Object.keys(TYPE_NAMES).join(', ')}, got "${v}"`;
      throw new TenureError('cli.badOption', message, { params: { message } });
    }
    out[v.slice(0, at)] = type;
  }
  return out;
}
