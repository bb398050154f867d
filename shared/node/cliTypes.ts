import type { ParseArgsConfig } from 'node:util';
import { ENGINE_OPTIONS } from './cliEngine';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

/** One CLI command: its options (unknown options are errors) and a run that returns the JSON result. */
export interface CliCommand {
  name: string;
  usage: string;
  options: CliOptions;
  run(ctx: CliContext): Promise<unknown>;
}

/** Options every file-reading command accepts. */
export const FILE_OPTIONS: CliOptions = {
  json: { type: 'boolean' },
  // FILE as an option: a file, a folder of Parquet files or a quoted glob ('data/*.parquet').
  input: { type: 'string' },
  sheet: { type: 'string' },
  // A DuckDB database file's table (name or schema.name); the only table when omitted.
  table: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'header-row': { type: 'string' },
  // The engine (native by default, or wasm) and its limits: see cliEngine.ts.
  ...ENGINE_OPTIONS,
};
