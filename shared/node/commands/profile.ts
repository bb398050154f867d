import type { CliCommand } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli } from '../openFile';

/** `tenure profile FILE --json`: how the file was read (detected or as overridden) and its columns. */
export const profileCommand: CliCommand = {
  name: 'profile',
  usage: 'profile FILE [--sheet NAME] [--encoding E] [--delimiter D] [--header-row N] --json',
  options: FILE_OPTIONS,
  async run(ctx) {
    const { engine, imported } = await openFileFromCli(ctx);
    await engine.close();
    return {
      file: imported.file,
      format: imported.format,
      encoding: imported.encoding,
      delimiter: imported.delimiter,
      headerRow: imported.headerRow,
      sheet: imported.sheet,
      rows: imported.rows,
      columns: imported.columns.map((c) => ({ name: c.name, type: c.type, nulls: c.nulls })),
    };
  },
};
