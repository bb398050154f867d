/**
 * `npm run fuzz -- --files N --seed S [--dir D] [--limit-ms 10000] [--max-rss-mib 2048]`
 *
 * Generates the hostile corpus (corpus.ts) in a temporary folder and runs every file through the
 * real import in a child process (worker.ts) with a time limit. Records outcome, time and peak
 * RSS per file, checks each input's SHA-256 before and after (the source is never written), and
 * exits non-zero on any crash, hang, unspecific error, memory above the limit or changed input.
 * A result is "specific" when it is a TenureError whose code has a text in the error catalogue,
 * names the file, carries the line where the code is about a line, and whose message is not a
 * raw JavaScript error.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { generateCorpus, type CorpusFile } from './corpus';
import { ARTIFACTS, ROOT } from '../helpers/paths';
import { createI18n } from '../../shared/i18n/i18n';
import { errorTextKey } from '../../shared/i18n/errorKey';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '300' },
    seed: { type: 'string', default: String(Number(new Date().toISOString().slice(0, 10).replaceAll('-', ''))) },
    dir: { type: 'string' },
    'limit-ms': { type: 'string', default: '10000' },
    'max-rss-mib': { type: 'string', default: '2048' },
    keep: { type: 'boolean', default: false },
  },
});
const files = Number(values.files);
const seed = Number(values.seed);
const limitMs = Number(values['limit-ms']);
const maxRss = Number(values['max-rss-mib']) * 1024 * 1024;
const dir = values.dir ?? path.join(tmpdir(), `tenure-fuzz-${seed}-${files}`);

/** Codes whose error is about a place in a text file: they must say which line. */
const LINE_CODES = new Set(['import.ragged', 'import.unclosedQuote', 'import.badQuote', 'import.lineTooLong']);
const RAW = /Cannot read propert|is not a function|is not defined|undefined|\bnull\b|Maximum call stack|RangeError|TypeError|Unknown Namespace|Invalid array length|\[object /;
const i18n = createI18n('en');
const known = (code: string): boolean => errorTextKey((k) => i18n.exists(k), code) !== null && code !== 'import.failed' && code !== 'internal';

interface Result extends CorpusFile {
  outcome: 'accepted' | 'error' | 'unspecific' | 'hang' | 'crash';
  code?: string;
  message?: string;
  ms: number;
  rssMiB: number | null;
  sourceChanged: boolean;
}

class Child {
  proc: ChildProcessWithoutNullStreams;
  private lines: string[] = [];
  private waiter: ((line: string | null) => void) | null = null;
  exited = false;

  constructor() {
    this.proc = spawn(process.execPath, ['--import', 'tsx', 'test/fuzz/worker.ts'], { cwd: ROOT, stdio: 'pipe' });
    createInterface({ input: this.proc.stdout }).on('line', (l) => {
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = null;
        w(l);
      } else this.lines.push(l);
    });
    this.proc.stderr.on('data', () => undefined);
    this.proc.on('exit', () => {
      this.exited = true;
      this.waiter?.(null);
      this.waiter = null;
    });
  }

  next(timeoutMs: number): Promise<string | null | 'timeout'> {
    if (this.lines.length) return Promise.resolve(this.lines.shift()!);
    if (this.exited) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve('timeout');
      }, timeoutMs);
      this.waiter = (l) => {
        clearTimeout(timer);
        resolve(l);
      };
    });
  }

  /** Peak resident memory since the last reset (Linux /proc), in bytes; null where unavailable. */
  peakRss(): number | null {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }

  resetPeak(): void {
    try {
      writeFileSync(`/proc/${this.proc.pid}/clear_refs`, '5');
    } catch {
      /* not Linux, or not allowed: the peak then covers the child's whole life */
    }
  }

  kill(): void {
    if (!this.exited) this.proc.kill('SIGKILL');
  }
}

async function start(): Promise<Child> {
  const c = new Child();
  const first = await c.next(120_000);
  if (first === null || first === 'timeout' || !JSON.parse(first).ready) throw new Error('fuzz worker did not start');
  return c;
}

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

function classify(f: CorpusFile, reply: Record<string, unknown>): Pick<Result, 'outcome' | 'code' | 'message'> {
  if (reply.outcome === 'accepted') return { outcome: 'accepted' };
  const code = reply.code as string | undefined;
  const message = String(reply.message ?? '');
  if (reply.outcome !== 'error' || !code) return { outcome: 'unspecific', message };
  const specific = known(code) && reply.file === path.basename(f.path) && !RAW.test(message) && (!LINE_CODES.has(code) || typeof reply.line === 'number');
  return { outcome: specific ? 'error' : 'unspecific', code, message };
}

async function main(): Promise<number> {
  rmSync(dir, { recursive: true, force: true });
  const t0 = Date.now();
  const corpus = generateCorpus(seed, files, dir);
  console.log(`fuzz: seed ${seed}, ${corpus.length} files generated in ${((Date.now() - t0) / 1000).toFixed(1)} s (${dir})`);
  const sums = new Map(corpus.map((f) => [f.path, sha(f.path)]));
  const results: Result[] = [];
  let child = await start();
  let sinceStart = 0;
  for (const f of corpus) {
    // A fresh child now and then: duckdb-wasm never returns memory, so a long-lived one would
    // report earlier files' heap as this file's peak.
    if (sinceStart >= 40 || (child.peakRss() ?? 0) > 1024 ** 3) {
      child.kill();
      child = await start();
      sinceStart = 0;
    }
    child.resetPeak();
    const started = Date.now();
    child.proc.stdin.write(`${JSON.stringify({ path: f.path })}\n`);
    const line = await child.next(limitMs);
    const ms = Date.now() - started;
    const rss = child.peakRss();
    let r: Pick<Result, 'outcome' | 'code' | 'message'>;
    if (line === 'timeout') {
      r = { outcome: 'hang', message: `no answer within ${limitMs} ms` };
      child.kill();
      child = await start();
      sinceStart = 0;
    } else if (line === null) {
      r = { outcome: 'crash', message: 'the import process died' };
      child = await start();
      sinceStart = 0;
    } else {
      r = classify(f, JSON.parse(line));
      sinceStart++;
    }
    const res: Result = { ...f, ...r, ms, rssMiB: rss === null ? null : Math.round(rss / 1024 / 1024), sourceChanged: sha(f.path) !== sums.get(f.path) };
    results.push(res);
    if (res.outcome !== 'accepted' && res.outcome !== 'error') console.log(`  ${res.outcome.toUpperCase()} ${f.name} (${f.note}): ${res.code ?? ''} ${res.message?.split('\n')[0].slice(0, 200)}`);
  }
  child.kill();

  const count = (o: Result['outcome']): number => results.filter((x) => x.outcome === o).length;
  const worst = results.reduce((a, b) => (b.ms > a.ms ? b : a), results[0]);
  const heaviest = results.reduce((a, b) => ((b.rssMiB ?? 0) > (a.rssMiB ?? 0) ? b : a), results[0]);
  const memory = results.filter((x) => (x.rssMiB ?? 0) * 1024 * 1024 > maxRss);
  const changed = results.filter((x) => x.sourceChanged);
  const byCode = new Map<string, number>();
  for (const x of results) if (x.code) byCode.set(x.code, (byCode.get(x.code) ?? 0) + 1);
  const summary = {
    seed, files: results.length, accepted: count('accepted'), cleanErrors: count('error'), unspecific: count('unspecific'), hangs: count('hang'), crashes: count('crash'),
    overMemory: memory.length, sourcesChanged: changed.length,
    worstMs: worst?.ms ?? 0, worstFile: worst ? `${worst.name} (${worst.note})` : '', worstRssMiB: heaviest?.rssMiB ?? null, heaviestFile: heaviest ? `${heaviest.name} (${heaviest.note})` : '',
    totalSeconds: Math.round((Date.now() - t0) / 1000), codes: Object.fromEntries([...byCode].sort((a, b) => b[1] - a[1])),
  };
  mkdirSync(path.join(ARTIFACTS, 'fuzz'), { recursive: true });
  writeFileSync(path.join(ARTIFACTS, 'fuzz', `fuzz-${seed}.json`), JSON.stringify({ summary, results }, null, 1));
  console.log(JSON.stringify(summary, null, 2));
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  const failed = summary.unspecific + summary.hangs + summary.crashes + summary.overMemory + summary.sourcesChanged;
  console.log(failed ? `fuzz: FAILED (${failed} file(s))` : 'fuzz: passed');
  return failed ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
}, (err: unknown) => {
  console.error(err);
  process.exitCode = 2;
});
