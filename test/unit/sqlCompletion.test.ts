import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { schemaCompletionSource } from '@codemirror/lang-sql';
import { completionSchema, sqlName } from '../../renderer/editors/sql/sqlCompletion';
import { DuckDB } from '../../renderer/editors/sql/duckdbDialect';
import { errorRange } from '../../renderer/editors/sql/errorMarks';

const schema = {
  tables: [
    { name: 'customers', columns: [{ name: 'id', type: 'INTEGER' }, { name: 'Monthly Charges', type: 'DOUBLE' }, { name: 'a"b', type: 'VARCHAR' }] },
    { name: 'sales 2024.csv', columns: [{ name: 'order', type: 'INTEGER' }] },
  ],
};

async function complete(doc: string): Promise<CompletionResult | null> {
  const state = EditorState.create({ doc, extensions: DuckDB.extension });
  const source = schemaCompletionSource({ dialect: DuckDB, schema: completionSchema(schema) });
  return source(new CompletionContext(state, doc.length, true)) as Promise<CompletionResult | null> | CompletionResult | null;
}

describe('SQL completion', () => {
  it('quotes names only when needed, escaping embedded quotes', () => {
    expect(sqlName('customers')).toBe('customers');
    expect(sqlName('Monthly Charges')).toBe('"Monthly Charges"');
    expect(sqlName('a"b')).toBe('"a""b"');
    expect(sqlName('order')).toBe('"order"');
    expect(sqlName('客户')).toBe('"客户"');
  });

  it('completes tables at the top level with quoting', async () => {
    const r = await complete('SELECT * FROM ');
    const byLabel = Object.fromEntries(r!.options.map((o) => [o.label, o.apply ?? o.label]));
    expect(byLabel.customers).toBe('customers');
    expect(byLabel['sales 2024.csv']).toBe('"sales 2024.csv"');
  });

  it('completes a table’s columns after a dot', async () => {
    const r = await complete('SELECT customers.');
    const byLabel = Object.fromEntries(r!.options.map((o) => [o.label, o.apply ?? o.label]));
    expect(byLabel).toEqual({ id: 'id', 'Monthly Charges': '"Monthly Charges"', 'a"b': '"a""b"' });
    expect(r!.options.find((o) => o.label === 'id')?.detail).toBe('INTEGER');
  });
});

describe('error mark range', () => {
  it('covers the word or quoted name at the position, backing off trailing space', () => {
    const state = EditorState.create({ doc: 'SELECT nope_fn(1) FROM "my table" + ' });
    expect(errorRange(state, 7)).toEqual({ from: 7, to: 14 });
    expect(errorRange(state, 23)).toEqual({ from: 23, to: 33 });
    expect(errorRange(state, state.doc.length)).toEqual({ from: 34, to: 35 });
    expect(errorRange(EditorState.create({ doc: '' }), 0)).toEqual({ from: 0, to: 0 });
  });
});
