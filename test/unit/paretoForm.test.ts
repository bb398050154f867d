import { describe, expect, it } from 'vitest';
import { defaultForm, guessValueColumn } from '../../renderer/editors/pareto/form';

const num = (name: string) => ({ name, type: 'DOUBLE' });

describe('Pareto value guess', () => {
  it('takes a column named like revenue / amount / profit / charges / 金额 / 费用, a total first', () => {
    expect(guessValueColumn([num('tenure'), num('MonthlyCharges'), num('TotalCharges')])).toBe('TotalCharges');
    expect(guessValueColumn([num('Monthly Charges'), num('Total Charges')])).toBe('Total Charges');
    expect(guessValueColumn([num('客户编号'), num('交易金额')])).toBe('交易金额');
    expect(guessValueColumn([num('服务费用'), num('年龄')])).toBe('服务费用');
    expect(guessValueColumn([num('amount_paid')])).toBe('amount_paid');
  });

  it('never a price or an id; nothing (so the settings ask) when no column fits', () => {
    // Online Retail: the first numeric column is UnitPrice.
    expect(guessValueColumn([num('Quantity'), num('UnitPrice'), num('CustomerID')])).toBeNull();
    expect(guessValueColumn([num('price_amount'), num('revenue_id'), num('SalesID')])).toBeNull();
    const form = defaultForm({ name: 'retail', columns: [{ name: 'InvoiceNo', type: 'VARCHAR' }, num('Quantity'), num('UnitPrice'), num('CustomerID')] } as never, 'retail');
    expect(form.valueColumn).toBeNull();
    expect(form.customer).toBe('CustomerID');
  });
});

describe('the Pareto value\'s "Name in charts"', () => {
  it('travels in the spec, so the deck (charts, headline, takeaway) uses it instead of the SQL', async () => {
    const { toSpecInput } = await import('../../renderer/editors/pareto/form');
    const { parseParetoSpec } = await import('../../shared/analysis/pareto/spec');
    const { paretoValueLabel } = await import('../../shared/analysis/registry');
    const form = { ...defaultForm(undefined, 'retail'), customer: 'CustomerID', valueMode: 'expr' as const, valueExpr: '"Quantity" * "UnitPrice"', valueLabel: ' Revenue ' };
    const spec = parseParetoSpec(toSpecInput(form));
    expect(spec.value).toEqual({ kind: 'expr', sql: '"Quantity" * "UnitPrice"', label: 'Revenue' });
    expect(paretoValueLabel(spec)).toBe('Revenue');
    expect(paretoValueLabel(parseParetoSpec(toSpecInput({ ...form, valueLabel: '' })))).toBe('"Quantity" * "UnitPrice"');
  });
});
