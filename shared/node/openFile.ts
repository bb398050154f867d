import { WasmNodeEngine } from '../engine/node/wasmNodeEngine';
import { importFile, type ImportResult } from '../import/importFile';
import { nodeFileSource } from './nodeFileSource';
import { TenureError } from '../errors';
import type { CliContext } from './cliTypes';

const DELIMITER_NAMES: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', pipe: '|', '\\t': '\t' };

/** Start a Node engine and import FILE with the common CLI options (--sheet --encoding --delimiter --header-row). */
export async function openFileFromCli(ctx: CliContext): Promise<{ engine: WasmNodeEngine; imported: ImportResult }> {
  const file = ctx.positionals[0];
  if (!file) throw new TenureError('cli.missingFile', 'Missing FILE argument');
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
  const engine = new WasmNodeEngine();
  await engine.init();
  try {
    const imported = await importFile(engine, src, {
      sheet: ctx.values.sheet as string | undefined,
      encoding: ctx.values.encoding as string | undefined,
      delimiter,
      headerRow,
    });
    return { engine, imported };
  } catch (err) {
    await engine.close();
    throw err;
  }
}
