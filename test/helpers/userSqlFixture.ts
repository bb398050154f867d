import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A small customer file with every kind of column the analyses need (ids, a join date, tenure, a churn
 * flag and reason, a plan, charges, two 1..5 ratings and a satisfaction flag), written under `dir`.
 * Deterministic; 120 rows so each import is quick.
 */
export function writeCustomers(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const lines = ['id,joined,tenure,churn,reason,plan,charges,wifi,seat,satisfied'];
  const reasons = ['Price', 'Competitor', 'Service', ''];
  for (let i = 0; i < 120; i++) {
    const churn = i % 3 === 0 ? 'Yes' : 'No';
    const month = String(1 + (i % 6)).padStart(2, '0');
    lines.push([`C${String(i).padStart(4, '0')}`, `2024-${month}-${String(1 + (i % 27)).padStart(2, '0')}`, 1 + ((i * 7) % 40), churn,
      churn === 'Yes' ? reasons[i % 4] : '', ['Monthly', 'Yearly'][i % 2], (20 + ((i * 13) % 90)).toFixed(2), i % 5, 1 + ((i * 3) % 5), i % 4 === 0 ? 'yes' : 'no'].join(','));
  }
  const file = path.join(dir, 'customers.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The attacks of issue 11, each aimed at `dir` so a test can see whether anything was written there. */
export function attacks(dir: string, secret: string) {
  return {
    copy: `1=1); COPY (SELECT 42 AS x) TO '${path.join(dir, 'x.csv')}'; SELECT (1`,
    attach: `1=1); ATTACH '${path.join(dir, 'evil.duckdb')}' AS evil; CREATE TABLE evil.t AS SELECT 1; SELECT (1`,
    readText: `CAST((SELECT content FROM read_text('${secret}')) AS INTEGER) = 1`,
    glob: `EXISTS (SELECT * FROM glob('/etc/*'))`,
    escape: `1=1) AS a, (2`,
    union: `1=1) FROM customers UNION ALL SELECT (TRUE`,
    comment: `TRUE) FROM customers --`,
  };
}
