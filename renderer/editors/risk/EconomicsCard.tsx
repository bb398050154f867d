import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskResult } from '../../../shared/analysis/risk/compute';
import { bestContacts, economics, whatIf } from '../../../shared/analysis/risk/economics';
import { whatIfOption } from '../../../shared/analysis/risk/chart';
import type { EconomicsInput } from '../../../shared/analysis/risk/spec';
import { valueLabel } from '../../../shared/analysis/risk/text';
import type { ChartTheme } from '../../../shared/charts/theme';
import type { TFunction } from '../../../shared/i18n/i18n';
import { Card, ChartCard, NumberField, useFormatters } from '../analysis';

/**
 * Retention economics for the top N of the call list: the user's costs and save rate in, value saved,
 * cost, net return, break-even save rate and the acquisition alternative out; the what-if over N below.
 */
export function EconomicsCard({ result, input, onChange, theme }: { result: RiskResult; input: EconomicsInput; onChange(patch: Partial<EconomicsInput>): void; theme: 'dark' | 'light' }) {
  const { t: tr, i18n } = useTranslation();
  const t = tr as unknown as TFunction;
  const f = useFormatters();
  const meanValue = result.scored ? result.valueActiveScored / result.scored : 0;
  const e = useMemo(() => economics(input, result.callCurve, meanValue), [input, result, meanValue]);
  const best = useMemo(() => bestContacts(input, result.callCurve), [input, result]);
  const points = useMemo(() => whatIf(input, result.callCurve), [input, result]);
  const value = valueLabel(result);
  const build = useCallback((th: ChartTheme) => whatIfOption(points, input, e.contacts, best.contacts, value, t, th), [points, input, e.contacts, best.contacts, value, t]);
  const num = (x: number | null, digits = 0) => (x === null ? '–' : x.toLocaleString(i18n.language, { maximumFractionDigits: digits }));
  const rows: [string, string][] = [
    [t('risk.econ.expectedLoss', { n: e.contacts }), f.amount(e.expectedLoss)],
    [t('risk.econ.expectedChurners'), num(e.expectedChurners, 1)],
    [t('risk.econ.valueSaved'), f.amount(e.valueSaved)],
    [t('risk.econ.customersSaved'), num(e.customersSaved, 1)],
    [t('risk.econ.cost'), f.amount(e.cost)],
    [t('risk.econ.netReturn'), f.amount(e.netReturn)],
    [t('risk.econ.roi'), e.roi === null ? '–' : f.share(e.roi)],
    [t('risk.econ.breakEven'), e.breakEvenSaveRate === null ? '–' : f.share(e.breakEvenSaveRate)],
    [t('risk.econ.acquisition', { n: num(e.newCustomersNeeded, 1) }), f.amount(e.acquisitionCost)],
    [t('risk.econ.ratio'), e.costRatio === null ? '–' : num(e.costRatio, 2)],
  ];
  return (
    <>
      <Card title={t('risk.econ.title')} subtitle={t('risk.econ.subtitle', { mean: f.amount(meanValue), value })} testId="risk-economics">
        <div className="tn-rk-econ">
          <div className="tn-rk-econ-inputs">
            <NumberField label={t('risk.econ.acquisitionCost')} value={input.acquisitionCost} min={0} onChange={(acquisitionCost) => onChange({ acquisitionCost })} testId="rk-acq" />
            <NumberField label={t('risk.econ.actionCost')} value={input.actionCost} min={0} onChange={(actionCost) => onChange({ actionCost })} testId="rk-action" />
            <NumberField label={t('risk.econ.saveRate')} value={input.saveRate} min={0} max={1} percent onChange={(saveRate) => onChange({ saveRate })} testId="rk-save-rate" />
            <NumberField label={t('risk.econ.contacts', { max: f.count(result.scored) })} value={input.contacts} min={1} max={Math.max(1, result.scored)} step={1} onChange={(contacts) => onChange({ contacts: Math.max(1, Math.round(contacts)) })} testId="rk-contacts" />
            <button type="button" className="button secondary small" disabled={!best.contacts || best.contacts === e.contacts} onClick={() => onChange({ contacts: best.contacts })} data-testid="rk-best">
              {t('risk.econ.useBest', { n: f.count(best.contacts) })}
            </button>
          </div>
          <table className="tn-an-table tn-rk-econ-out" data-testid="risk-economics-out">
            <tbody>
              {rows.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td className="num">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <ChartCard caption={t('risk.card.whatIf')} build={build} theme={theme} fileTitle={`${result.spec.table} ${t('risk.card.whatIf')}`} height={340} testId="risk-whatif" />
    </>
  );
}
