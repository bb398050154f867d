import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliText } from '../helpers/cli';
import { ARTIFACTS } from '../helpers/paths';
import { attacks, writeCustomers } from '../helpers/userSqlFixture';

const DIR = path.join(ARTIFACTS, 'usersql-cli');
const SECRET = path.join(DIR, 'secret.txt');
const A = attacks(DIR, SECRET);
let file: string;

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  file = writeCustomers(DIR);
  writeFileSync(SECRET, '31337\n');
});

/** Refused with exit 2, a JSON error naming the field, no secret in it, and nothing new in DIR. */
async function refused(args: string[], field = 'where'): Promise<string> {
  const r = await cliText(args);
  expect(r.code, r.out.slice(0, 200)).toBe(2);
  const error = JSON.parse(r.err).error as { code: string; message: string };
  expect(error.code).toMatch(/^analysis\.sql|^quadrant\.where$/);
  expect(error.message).toContain(`"${field}"`);
  expect(r.err + r.out).not.toContain('31337');
  expect(readdirSync(DIR).sort()).toEqual(['customers.csv', 'secret.txt']);
  return error.code;
}

const T = 600_000;
describe('CLI: a filter or expression that tries to leave its lane is refused', () => {
  it('COPY … TO through --where: pareto, quadrant, survival, cohort, reasons', async () => {
    await refused(['pareto', file, '--customer', 'id', '--value', 'charges', '--where', A.copy, '--json']);
    await refused(['quadrant', file, '--drivers', 'wifi,seat', '--outcome', 'satisfied', '--outcome-value', 'yes', '--where', A.copy, '--json']);
    await refused(['survival', file, '--time', 'tenure', '--event', 'churn', '--event-value', 'Yes', '--where', A.copy, '--json']);
    await refused(['cohort', file, '--customer', 'id', '--date', 'joined', '--where', A.copy, '--json']);
    await refused(['reasons', file, '--reason', 'reason', '--event', 'churn', '--event-value', 'Yes', '--where', A.copy, '--json']);
  }, T);

  it('COPY … TO through --value-expr: pareto, risk', async () => {
    await refused(['pareto', file, '--customer', 'id', '--value-expr', A.copy, '--json'], 'value.sql');
    await refused(['risk', file, '--customer', 'id', '--time', 'tenure', '--event', 'churn', '--event-value', 'Yes', '--value-expr', A.copy, '--horizon', '3', '--json'], 'value.sql');
  }, T);

  it('ATTACH creates no database file; read_text prints nothing; glob lists nothing', async () => {
    expect(await refused(['pareto', file, '--customer', 'id', '--value', 'charges', '--where', A.attach, '--json'])).toBe('analysis.sqlStatements');
    expect(await refused(['survival', file, '--time', 'tenure', '--event', 'churn', '--event-value', 'Yes', '--where', A.readText, '--json'])).toBe('analysis.sqlReadsFiles');
    const r = await cliText(['quadrant', file, '--drivers', 'wifi,seat', '--outcome', 'satisfied', '--outcome-value', 'yes', '--where', A.glob, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.err).error.code).toBe('analysis.sqlReadsFiles');
    expect(r.err).not.toContain('/etc/passwd');
  }, T);

  it('a DECK.json carrying the attacks: refused, no file written', async () => {
    for (const [name, spec] of [
      ['copy', { customer: 'id', value: { kind: 'column', column: 'charges' }, where: A.copy }],
      ['read', { customer: 'id', value: { kind: 'column', column: 'charges' }, where: A.readText }],
    ] as const) {
      const deck = path.join(ARTIFACTS, `usersql-deck-${name}.json`);
      writeFileSync(deck, JSON.stringify({ version: 1, title: 'x', slides: [{ file, kind: 'pareto', spec }] }));
      await refused(['deck', deck, '--pptx', path.join(DIR, 'deck.pptx')], 'where');
    }
  }, T);
});
