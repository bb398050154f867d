import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA, ROOT } from '../helpers/paths';

const run = promisify(execFile);
const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');

/** `bin/tenure.mjs` as a user runs it; it picks up the bundle built below. */
async function tenure(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/tenure.mjs'), ...args], { cwd: ROOT, maxBuffer: 1 << 24 });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

beforeAll(async () => {
  await run(process.execPath, [path.join(ROOT, 'scripts/buildCli.mjs')], { cwd: ROOT });
}, 120_000);

describe('the bundled CLI (npm run build:cli → dist-cli/, used by bin/tenure.mjs)', () => {
  it('is plain JavaScript: the CLI and the engine process it forks', () => {
    expect(existsSync(path.join(ROOT, 'dist-cli/cli.mjs'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'dist-cli/engineProcess.mjs'))).toBe(true);
  });

  it('profiles the Telco CSV on the native engine by default, and on duckdb-wasm with --engine wasm: same table', async () => {
    const native = await tenure('profile', TELCO, '--json');
    const wasm = await tenure('profile', TELCO, '--engine', 'wasm', '--json');
    expect([native.code, wasm.code]).toEqual([0, 0]);
    const [a, b] = [JSON.parse(native.out), JSON.parse(wasm.out)];
    expect([a.engine, b.engine]).toEqual(['native', 'wasm']);
    expect(a.rows).toBe(7043);
    expect({ ...a, engine: null }).toEqual({ ...b, engine: null });
  });

  it('an unknown engine or memory limit is a JSON error with exit code 2', async () => {
    const r = await tenure('profile', TELCO, '--engine', 'gpu', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.err).error).toMatchObject({ code: 'engine.unknown', message: 'Unknown engine "gpu" (native or wasm)' });
    const m = await tenure('profile', TELCO, '--memory-limit', 'lots', '--json');
    expect(JSON.parse(m.err).error).toMatchObject({ code: 'cli.badOption', message: expect.stringMatching(/--memory-limit/) });
  });

  it('loads what it needs on demand: a deck (pptxgenjs) and a workbook (SheetJS) from the bundle', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tenure-bundle-'));
    try {
      const deck = path.join(dir, 'deck.json');
      const slide = { file: TELCO, kind: 'pareto', spec: { customer: 'customerID', value: { kind: 'column', column: 'MonthlyCharges' } } };
      writeFileSync(deck, JSON.stringify({ version: 1, title: 'Bundle', slides: [slide] }));
      const pptx = path.join(dir, 'deck.pptx');
      const r = await tenure('deck', deck, '--pptx', pptx);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(pptx).subarray(0, 2).toString()).toBe('PK');
      const xlsx = await tenure('profile', path.join(DATA, 'Telco_customer_churn.xlsx'), '--json');
      expect(xlsx.code).toBe(0);
      expect(JSON.parse(xlsx.out)).toMatchObject({ format: 'xlsx', rows: 7043 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

