import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupResult } from '../../../shared/analysis/quadrant/result';
import { solid } from '../../../shared/analysis/quadrant/chartLayout';
import { DARK_THEME, LIGHT_THEME } from '../../../shared/charts/theme';
import { Card, TableExportButtons } from '../analysis';
import { priorityRows, priorityTableData, type Translate } from './findings';

/** Fixed-decimal numbers in the UI language. */
function decimals(lang: string, digits: number): (v: number | null | undefined) => string {
  const f = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (v) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : f.format(v));
}

/**
 * The priority table of one group: zone (concentrate first) then importance. Performance with its 95%
 * interval (bootstrap percentile when resampled, else t); a flag when the zone is not stable.
 */
export function PriorityTable({ group, fileTitle, theme, actions }: { group: GroupResult; fileTitle: string; theme: 'dark' | 'light'; actions?: ReactNode }) {
  const { t: tr, i18n } = useTranslation();
  const t = tr as unknown as Translate;
  const rows = useMemo(() => priorityRows(group), [group]);
  const boot = group.drivers.some((d) => d.bootstrap);
  const data = useMemo(() => priorityTableData(rows, t, boot), [rows, t, boot]);
  const f2 = decimals(i18n.language, 2);
  const f3 = decimals(i18n.language, 3);
  const count = new Intl.NumberFormat(i18n.language);
  const zones = (theme === 'dark' ? DARK_THEME : LIGHT_THEME).zones;
  return (
    <Card
      title={t('quadrant.editor.priorityCard')}
      subtitle={t('quadrant.editor.priorityHint')}
      testId="qd-priority"
      actions={
        <>
          {actions}
          <TableExportButtons data={data} fileTitle={fileTitle} />
        </>
      }
    >
      <div className="tn-an-table-wrap">
        <table className="tn-an-table tn-qd-table">
          <thead>
            <tr>
              <th className="num">{t('quadrant.table.priority')}</th>
              <th>{t('quadrant.table.driver')}</th>
              <th className="num">{t('quadrant.table.n')}</th>
              <th className="num">{t('quadrant.table.performance')}</th>
              <th className="num">{boot ? t('quadrant.editor.ciBootstrap') : t('quadrant.table.ci')}</th>
              <th className="num">{t('quadrant.table.importance')}</th>
              <th>{t('quadrant.table.zone')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ rank, driver: d, uncertain }) => {
              const ci = d.bootstrap?.performanceCI ?? d.performanceCI;
              const ici = d.bootstrap?.importanceCI;
              return (
                <tr key={d.column} data-driver={d.column} data-zone={d.zone ?? ''}>
                  <td className="num">{rank}</td>
                  <td title={d.label === d.column ? undefined : d.column}>{d.label}</td>
                  <td className="num">{count.format(d.n)}</td>
                  <td className="num">{f2(d.performance)}</td>
                  <td className="num">{ci ? `${f2(ci[0])} – ${f2(ci[1])}` : '–'}</td>
                  <td className="num" title={ici ? t('quadrant.editor.importanceCi', { lo: f3(ici[0]), hi: f3(ici[1]) }) : undefined}>
                    {f3(d.importance)}
                  </td>
                  <td>
                    {d.zone ? (
                      <span className="tn-qd-zone" style={{ background: zones[d.zone], borderColor: solid(zones[d.zone]) }} data-testid="qd-zone">
                        {t(`quadrant.zone.${d.zone}`)}
                      </span>
                    ) : (
                      <span className="tn-an-hint">{t('quadrant.editor.noZone')}</span>
                    )}
                    {uncertain && (
                      <span className="tn-qd-unstable" title={t('quadrant.tooltip.uncertain')} data-testid="qd-unstable">
                        <span className="codicon codicon-warning" aria-hidden /> {t('quadrant.table.uncertain')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
