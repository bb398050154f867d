import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DATA, ROOT } from '../helpers/paths';
import { encodeText, tempDir, writeFixture } from '../fixtures/importFixtures';

const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'shared/node/cli.ts', ...args], { cwd: ROOT, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('tenure profile (subprocess)', () => {
  it('GBK CSV: detected encoding, delimiter, header row, typed columns', async () => {
    const r = await cli('profile', path.join(DATA, '商场客户_gbk.csv'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      file: '商场客户_gbk.csv', format: 'csv', encoding: 'gbk', encodingBasis: 'scored', encodingConfidence: 0.95, delimiter: ',', headerRow: 1, sheet: null, rows: 200,
      columns: [
        { name: '客户编号', type: 'VARCHAR', nulls: 0, invalid: 0 },
        { name: '性别', type: 'VARCHAR', nulls: 0, invalid: 0 },
        { name: '年龄', type: 'BIGINT', nulls: 0, invalid: 0 },
        { name: '年收入（万）', type: 'BIGINT', nulls: 0, invalid: 0 },
        { name: '消费指数', type: 'BIGINT', nulls: 0, invalid: 0 },
      ],
      warnings: [],
      engine: 'native',
    });
  });

  it('xlsx: sheet and 33 columns, Total Charges DOUBLE with 11 NULLs', async () => {
    const r = await cli('profile', path.join(DATA, 'Telco_customer_churn.xlsx'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.format, out.rows, out.columns.length, out.encoding, out.delimiter]).toEqual(['xlsx', 7043, 33, null, null]);
    expect(out.columns.find((c: { name: string }) => c.name === 'Total Charges')).toEqual({ name: 'Total Charges', type: 'DOUBLE', nulls: 11, invalid: 0 });
  });

  it('--encoding --delimiter --header-row override detection', async () => {
    const dir = tempDir('tenure-cli-');
    const file = writeFixture(dir, 'semi.txt', encodeText('title line\nname;amount\n张三;12\n李四;30\n', 'gbk'));
    const r = await cli('profile', file, '--encoding', 'gb18030', '--delimiter', 'semicolon', '--header-row', '2', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ encoding: 'gb18030', delimiter: ';', headerRow: 2, rows: 2, columns: [{ name: 'name', type: 'VARCHAR', nulls: 0 }, { name: 'amount', type: 'BIGINT', nulls: 0 }] });
  });

  it('--type forces a column type: values that do not convert are counted per column and warned about', async () => {
    const r = await cli('profile', path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv'), '--type', 'gender=number', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.columns.find((c: { name: string }) => c.name === 'gender')).toEqual({ name: 'gender', type: 'DOUBLE', nulls: 7043, invalid: 7043 });
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'import.warnings.invalidValues', column: 'gender' })]);
    const bad = await cli('profile', path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv'), '--type', 'nope=number', '--json');
    expect(JSON.parse(bad.stderr).error).toMatchObject({ code: 'cli.badOption', message: expect.stringMatching(/no column named "nope"/) });
  });

  it('a damaged UTF-8 byte: UTF-8 kept, the warning names the line', async () => {
    const dir = tempDir('tenure-cli-');
    const bytes = new TextEncoder().encode('name,city\n' + 'a,Zürich\n'.repeat(30));
    bytes[bytes.indexOf(0xc3, 100)] = 0xfe;
    const r = await cli('profile', writeFixture(dir, 'bad.csv', bytes), '--json');
    const out = JSON.parse(r.stdout);
    expect([out.encoding, out.encodingBasis]).toEqual(['utf-8', 'utf8-repaired']);
    expect(out.warnings[0]).toMatchObject({ code: 'import.warnings.invalidUtf8', line: expect.any(Number) });
  });

  it('errors are JSON on stderr with exit code 2', async () => {
    const dir = tempDir('tenure-cli-');
    const file = writeFixture(dir, 'ragged.csv', 'a,b\n1,2\n3\n');
    const r = await cli('profile', file, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'import.ragged', file: 'ragged.csv', line: 3 });
    const bad = await cli('profile', file, '--sheet', 'Nope', '--header-row', 'x', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error.code).toBe('cli.badOption');
  });
});
