import type { RiskSpecInput } from '../../shared/analysis/risk/spec';

/** The golden's value-at-risk question on the Telco workbook: KM by Contract, h = 6, value CLTV (survival_models.json). */
export function telcoRiskSpec(table: string): RiskSpecInput {
  return {
    table,
    customer: 'CustomerID',
    time: { kind: 'duration', column: 'Tenure Months' },
    event: { column: 'Churn Value', values: [1] },
    segment: 'Contract',
    value: { kind: 'column', column: 'CLTV' },
    horizon: 6,
  };
}
