import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { COMMANDS } from './commands/index';
import { TenureError, asTenureError } from '../errors';
import { engineUsed } from './cliEngine';
import { warningsOf } from '../analysis/warnings';

/**
 * Resolves once the stream has taken all of `text`: on a pipe, writes are asynchronous and
 * exiting before the callback loses everything past the pipe buffer (64 KiB on Linux).
 */
export function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * `tenure <command> FILE [options] --json`. Results go to stdout as JSON; errors to stderr as
 * `{ "error": { code, message, file, line, column } }` with exit code 2. A result that is empty or
 * degenerate carries `warnings` ({ code, message, params }); without --json they also go to stderr.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    await writeAll(process.stdout, `Usage: tenure <command> …\n\nCommands:\n${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}\n`);
    return name ? 0 : 2;
  }
  try {
    const cmd = COMMANDS[name];
    if (!cmd) throw new TenureError('cli.unknownCommand', `Unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
    } catch (err) {
      throw new TenureError('cli.badOption', `${(err as Error).message.split('\n')[0]} (usage: tenure ${cmd.usage})`);
    }
    const result = await cmd.run({ positionals: parsed.positionals, values: parsed.values as never });
    // Which engine ran (native or wasm), on every result that used one.
    const engine = engineUsed();
    const out = engine && result && typeof result === 'object' && !Array.isArray(result) ? { ...result, engine } : result;
    await writeAll(process.stdout, `${JSON.stringify(out, null, 2)}\n`);
    // The JSON carries them in `warnings`; without --json a person reads the terminal, so say them there too.
    const warned = warningsOf(out);
    if (warned.length && parsed.values.json !== true) await writeAll(process.stderr, warned.map((w) => `warning: ${w.message}\n`).join(''));
    return 0;
  } catch (err) {
    const e = asTenureError(err);
    await writeAll(process.stderr, `${JSON.stringify({ error: e.toJSON() })}\n`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // main() has waited for its output to drain, so exiting here cuts nothing off.
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
