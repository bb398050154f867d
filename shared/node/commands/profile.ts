import type { CliCommand } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli, parseTypeOptions } from '../openFile';

/**
 * `tenure profile FILE --json`: how the file was read (detected or as overridden: encoding and how
 * sure, delimiter, header row, sheet), its columns with NULLs and values that did not convert to
 * the column's type (`--type COL=TYPE` forces one), and the import's warnings.
 */
export const profileCommand: CliCommand = {
  name: 'profile',
  usage: "profile FILE|FOLDER|'GLOB' [--sheet NAME | --table NAME] [--encoding E] [--delimiter D] [--header-row N] [--type COL=TYPE]… --json",
  options: { ...FILE_OPTIONS, type: { type: 'string', multiple: true } },
  async run(ctx) {
    const { engine, imported } = await openFileFromCli(ctx, parseTypeOptions(ctx.values.type as string[] | undefined));
    await engine.close();
    return {
      file: imported.file,
      format: imported.format,
      encoding: imported.encoding,
      encodingBasis: imported.plan.encodingBasis,
      encodingConfidence: imported.plan.encodingConfidence ?? (imported.encoding ? 1 : null),
      delimiter: imported.delimiter,
      headerRow: imported.headerRow,
      sheet: imported.sheet,
      ...(imported.format === 'duckdb' ? { table: imported.dbTable, tables: imported.tables } : {}),
      ...(imported.folder ? { folder: imported.folder } : {}),
      rows: imported.rows,
      columns: imported.columns.map((c) => ({ name: c.name, type: c.type, nulls: c.nulls, invalid: c.invalid ?? 0 })),
      warnings: imported.warnings.map((w) => ({ code: w.code, message: w.message, line: w.line, column: w.column })),
    };
  },
};
