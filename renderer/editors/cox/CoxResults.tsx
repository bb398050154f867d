import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoxResult } from '../../../shared/analysis/cox/compute';
import { forestOption, phPlotOption, predictedOption } from '../../../shared/analysis/cox/chart';
import { predictProfile, type ProfileValue } from '../../../shared/analysis/cox/model';
import { coxFinding, coxModelNote, pText, phWarning, worstPhTerm } from '../../../shared/analysis/cox/text';
import type { ChartTheme } from '../../../shared/charts/theme';
import type { Cell } from '../../../shared/export/tableExport';
import type { TFunction } from '../../../shared/i18n/i18n';
import { Card, ChartCard, HeadlineBanner, Select, TableCard, useFormatters, type CellKind } from '../analysis';
import type { CoxProfileForm } from './coxForm';

/** A form profile as model values: numbers as numbers; empty = the column's reference or mean. */
function profileValues(r: CoxResult, p: CoxProfileForm): Record<string, ProfileValue> {
  const out: Record<string, ProfileValue> = {};
  for (const f of r.model.factors) out[f.column] = p.values[f.column] || f.reference;
  for (const x of r.model.numbers) {
    const v = Number((p.values[x.column] ?? '').trim());
    out[x.column] = (p.values[x.column] ?? '').trim() && Number.isFinite(v) ? v : Number(x.mean.toPrecision(4));
  }
  return out;
}

function ProfileEditor({ result, profiles, onChange }: { result: CoxResult; profiles: CoxProfileForm[]; onChange(p: CoxProfileForm[]): void }) {
  const { t } = useTranslation();
  const set = (i: number, p: CoxProfileForm) => onChange(profiles.map((x, k) => (k === i ? p : x)));
  return (
    <div className="tn-cx-profiles" data-testid="cox-profiles">
      {profiles.map((p, i) => (
        <div key={i} className="tn-cx-profile" data-testid={`cox-profile-${i}`}>
          <input className="tn-cx-profile-name" value={p.name} placeholder={t('cox.profiles.name')} aria-label={t('cox.profiles.name')} onChange={(e) => set(i, { ...p, name: e.target.value })} />
          {result.model.factors.map((f) => (
            <Select
              key={f.column}
              label={f.column}
              value={p.values[f.column] || f.reference}
              options={f.levels.map((v) => ({ value: v, label: v }))}
              onChange={(v) => set(i, { ...p, values: { ...p.values, [f.column]: v } })}
              testId={`cox-profile-${i}-${f.column}`}
            />
          ))}
          {result.model.numbers.map((x) => (
            <label key={x.column} className="tn-an-field tn-cx-num">
              <span className="tn-an-label">{x.column}</span>
              <input value={p.values[x.column] ?? ''} placeholder={String(Number(x.mean.toPrecision(4)))} onChange={(e) => set(i, { ...p, values: { ...p.values, [x.column]: e.target.value } })} data-testid={`cox-profile-${i}-${x.column}`} />
            </label>
          ))}
          <button type="button" className="button secondary small" onClick={() => onChange(profiles.filter((_, k) => k !== i))}>
            {t('cox.profiles.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" onClick={() => onChange([...profiles, { name: '', values: {} }])} data-testid="cox-profile-add">
        {t('cox.profiles.add')}
      </button>
    </div>
  );
}

/** One run's results: finding, forest plot, coefficients and tests, PH check, predicted survival for profiles. */
export function CoxResults({ result, profiles, onProfiles, theme, notes }: { result: CoxResult; profiles: CoxProfileForm[]; onProfiles(p: CoxProfileForm[]): void; theme: 'dark' | 'light'; notes: (string | null)[] }) {
  const { t: tr } = useTranslation();
  const t = tr as unknown as TFunction;
  const f = useFormatters();
  const m = result.model;
  const [phTerm, setPhTerm] = useState(() => worstPhTerm(result));
  const term = m.terms.some((x) => x.term === phTerm) ? phTerm : worstPhTerm(result);
  // Predictions from the fitted model: editing a profile never re-runs the model.
  const shown = useMemo<CoxResult>(() => {
    const predicted = profiles.map((p, i) => {
      const values = profileValues(result, p);
      return { profile: p.name.trim() || t('cox.profiles.default', { n: i + 1 }), values, times: result.times, survival: predictProfile(m, values, result.times) };
    });
    return { ...result, predicted };
  }, [result, profiles, m, t]);
  const buildForest = useCallback((th: ChartTheme) => forestOption(result, t, th), [result, t]);
  const buildPh = useCallback((th: ChartTheme) => phPlotOption(result, term, t, th), [result, term, t]);
  const buildPredicted = useCallback((th: ChartTheme) => predictedOption(shown, t, th), [shown, t]);
  const num = (v: number, d = 3) => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(d) : v.toExponential(2));
  const format = useCallback((v: Cell, kind: CellKind) => (typeof v !== 'number' ? String(v ?? '–') : kind === 'count' ? f.count(v) : kind === 'share' ? f.share(v) : num(v)), [f]);
  const stem = `${result.spec.table} ${t('cox.title')}`;
  const coefRows = useMemo<Cell[][]>(() => m.coefficients.map((c) => [c.level === null ? c.column : `${c.column}: ${c.level}`, c.hazardRatio, `${num(c.hrLower)} – ${num(c.hrUpper)}`, c.coef, c.se, c.z, pText(c.p).replace(/^= /, '')]), [m]);
  const testRows = useMemo<Cell[][]>(
    () => [
      [t('cox.tests.lr'), m.likelihoodRatio.chisq, m.likelihoodRatio.df, pText(m.likelihoodRatio.p).replace(/^= /, '')],
      [t('cox.tests.wald'), m.wald.chisq, m.wald.df, pText(m.wald.p).replace(/^= /, '')],
      [t('cox.tests.score'), m.score.chisq, m.score.df, pText(m.score.p).replace(/^= /, '')],
      [t('cox.tests.concordance'), m.concordance.c, `SE ${num(m.concordance.se, 4)}`, ''],
    ],
    [m, t],
  );
  const phRows = useMemo<Cell[][]>(() => m.phTest.map((z) => [z.term === 'GLOBAL' ? t('cox.ph.global') : z.term, z.chisq, z.df, pText(z.p).replace(/^= /, '')]), [m, t]);
  const predRows = useMemo<Cell[][]>(() => [[t('cox.predicted.atRiskRow'), ...result.atRisk], ...shown.predicted.map((p) => [p.profile, ...p.survival])], [shown, result, t]);
  const warning = phWarning(result, t);
  const ex = result.excluded;
  const left = ex.missingTime + ex.negativeTime + ex.missingCovariate;
  const excludedNote = left ? t('cox.excluded', { count: left, columns: Object.entries(ex.byColumn).map(([c, n]) => `${c} ${f.count(n)}`).join(t('export.deck.listSeparator')) || '–' }) : null;
  const refs = m.factors.map((x) => `${x.column} = ${x.reference}`).join(t('export.deck.listSeparator'));
  return (
    <>
      <HeadlineBanner text={coxFinding(result, t)} notes={[coxModelNote(result, t), refs ? t('cox.referencesUsed', { refs }) : null, excludedNote, ...notes]} />
      <ChartCard caption={t('cox.card.forest')} build={buildForest} theme={theme} fileTitle={`${stem} ${t('cox.card.forest')}`} height={Math.max(320, 120 + 34 * (m.coefficients.length + m.factors.length))} testId="cox-forest" />
      <TableCard
        title={t('cox.card.coefficients', { n: f.count(m.n), events: f.count(m.events), ties: t(`cox.form.${m.ties}`) })}
        columns={[
          { title: t('cox.table.term'), kind: 'text' },
          { title: t('cox.table.hr'), kind: 'amount' },
          { title: t('cox.table.ci'), kind: 'text' },
          { title: t('cox.table.coef'), kind: 'amount' },
          { title: t('cox.table.se'), kind: 'amount' },
          { title: t('cox.table.z'), kind: 'amount' },
          { title: t('cox.table.p'), kind: 'text' },
        ]}
        rows={coefRows}
        format={format}
        fileTitle={`${stem} ${t('cox.card.coefficients', { n: m.n, events: m.events, ties: m.ties })}`}
        testId="cox-coefficients"
      />
      <TableCard
        title={t('cox.card.tests')}
        columns={[
          { title: t('cox.tests.test'), kind: 'text' },
          { title: t('cox.tests.value'), kind: 'amount' },
          { title: t('cox.tests.df'), kind: 'text' },
          { title: t('cox.table.p'), kind: 'text' },
        ]}
        rows={testRows}
        format={format}
        fileTitle={`${stem} ${t('cox.card.tests')}`}
        testId="cox-tests"
      />
      <TableCard
        title={t('cox.ph.table')}
        subtitle={warning ?? t('cox.ph.holds', { p: pText(m.phTest[m.phTest.length - 1].p) })}
        columns={[
          { title: t('cox.table.term'), kind: 'text' },
          { title: 'χ²', kind: 'amount' },
          { title: t('cox.tests.df'), kind: 'text' },
          { title: t('cox.table.p'), kind: 'text' },
        ]}
        rows={phRows}
        format={format}
        onRowClick={(i) => i < m.terms.length && setPhTerm(m.terms[i].term)}
        fileTitle={`${stem} ${t('cox.ph.table')}`}
        testId="cox-ph-table"
      />
      {warning && (
        <div className="tn-cx-warning" role="note" data-testid="cox-ph-warning">
          {warning}
        </div>
      )}
      <ChartCard caption={t('cox.card.ph', { term })} build={buildPh} theme={theme} fileTitle={`${stem} ${t('cox.card.ph', { term })}`} hint={t('cox.card.phHint')} testId="cox-ph-plot" />
      <Card title={t('cox.card.profiles')} subtitle={t('cox.card.profilesHint')}>
        <ProfileEditor result={result} profiles={profiles} onChange={onProfiles} />
      </Card>
      <ChartCard caption={t('cox.card.predicted')} build={buildPredicted} theme={theme} fileTitle={`${stem} ${t('cox.card.predicted')}`} testId="cox-predicted" />
      <TableCard
        title={t('cox.card.predictedTable', { unit: t(`survival.units.${result.unit}`, { defaultValue: result.unit }) })}
        columns={[{ title: t('cox.profiles.profile'), kind: 'text' }, ...result.times.map((x) => ({ title: String(x), kind: 'share' as const }))]}
        rows={predRows.map((r, i) => (i === 0 ? r.map((v, k) => (k === 0 ? v : f.count(Number(v)))) : r))}
        format={format}
        fileTitle={`${stem} ${t('cox.card.predicted')}`}
        testId="cox-predicted-table"
      />
    </>
  );
}
