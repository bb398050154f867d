import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { columnCompletionSource, tablesInStatement } from '../../renderer/editors/sql/columnCompletion';
import { DuckDB } from '../../renderer/editors/sql/duckdbDialect';

const schema = {
  tables: [
    { name: 'customers', columns: [{ name: 'id', type: 'INTEGER' }, { name: 'Monthly Charges', type: 'DOUBLE' }] },
    { name: 'Orders 2024', columns: [{ name: 'order_id', type: 'INTEGER' }, { name: 'id', type: 'INTEGER' }, { name: 'amount', type: 'DOUBLE' }] },
    { name: 'unused', columns: [{ name: 'zzz', type: 'VARCHAR' }] },
  ],
};

function complete(doc: string, explicit = false): CompletionResult | null {
  const pos = doc.indexOf('|') >= 0 ? doc.indexOf('|') : doc.length;
  const text = doc.replace('|', '');
  const state = EditorState.create({ doc: text, extensions: DuckDB.extension });
  return columnCompletionSource(schema)(new CompletionContext(state, pos, explicit)) as CompletionResult | null;
}
const labels = (r: CompletionResult | null) => r?.options.map((o) => o.label) ?? [];

describe('column completion for the tables a statement names', () => {
  it('finds tables after FROM and JOIN, quoted or not, with aliases and comma lists; skips strings and comments', () => {
    const names = (sql: string) => tablesInStatement(sql, schema).map((t) => t.name);
    expect(names('SELECT * FROM customers c JOIN "Orders 2024" AS o ON c.id = o.id')).toEqual(['customers', 'Orders 2024']);
    expect(names('SELECT * FROM main.CUSTOMERS, "Orders 2024" o WHERE 1')).toEqual(['customers', 'Orders 2024']);
    expect(names("SELECT 'from unused' -- join unused\nFROM customers")).toEqual(['customers']);
    expect(names('SELECT 1')).toEqual([]);
  });

  it('offers columns after WHERE, SELECT, ORDER BY and GROUP BY, quoting names that need it', () => {
    const where = complete('SELECT * FROM customers WHERE Mo');
    expect(labels(where)).toEqual(['id', 'Monthly Charges']);
    expect(where!.options.find((o) => o.label === 'Monthly Charges')!.apply).toBe('"Monthly Charges"');
    expect(where!.from).toBe('SELECT * FROM customers WHERE '.length);
    expect(labels(complete('SELECT am| FROM "Orders 2024"'))).toEqual(['order_id', 'id', 'amount']);
    expect(labels(complete('SELECT id FROM customers ORDER BY i'))).toContain('Monthly Charges');
    expect(labels(complete('SELECT id, count(*) FROM customers GROUP BY i'))).toContain('id');
    // Explicit (Ctrl+Space) after a keyword, with nothing typed yet.
    expect(labels(complete('SELECT * FROM customers WHERE ', true))).toEqual(['id', 'Monthly Charges']);
  });

  it('lists a shared column once and names the table when several are read', () => {
    const r = complete('SELECT i FROM customers JOIN "Orders 2024" USING (id) WHERE a');
    expect(labels(r)).toEqual(['id', 'Monthly Charges', 'order_id', 'amount']);
    expect(r!.options.find((o) => o.label === 'amount')!.detail).toBe('DOUBLE · Orders 2024');
  });

  it('only the statement under the cursor counts; no columns where a table name or `x.` goes', () => {
    expect(labels(complete('SELECT * FROM customers;\nSELECT * FROM "Orders 2024" WHERE a'))).toEqual(['order_id', 'id', 'amount']);
    expect(complete('SELECT * FROM cu')).toBeNull();
    expect(complete('SELECT * FROM customers JOIN Or')).toBeNull();
    expect(complete('SELECT customers.Mo FROM customers')).toBeNull();
    expect(complete('SELECT * FROM customers WHERE ')).toBeNull(); // nothing typed, not explicit
  });

  it('completes inside an opened quote and closes it', () => {
    const r = complete('SELECT * FROM customers WHERE "Mon');
    expect(r!.from).toBe('SELECT * FROM customers WHERE "'.length);
    expect(r!.options.find((o) => o.label === 'Monthly Charges')!.apply).toBe('Monthly Charges"');
  });
});
