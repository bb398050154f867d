import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HeadlineBanner } from '../analysis';
import { Segmented } from '../survival/Segmented';
import { headline, type Translate } from './findings';
import { PriorityTable } from './PriorityTable';
import { QuadrantChartCard, type QuadrantView } from './QuadrantChartCard';
import type { QuadrantRun } from './run';

const OVERALL = '\u0000overall';

/** The results of one run: headline and caveats, the quadrant chart (overall or per segment), the priority table. */
export function QuadrantResults({ run, theme }: { run: QuadrantRun; theme: 'dark' | 'light' }) {
  const { t: tr } = useTranslation();
  const t = tr as unknown as Translate;
  const { result, spec } = run;
  const hasSegments = result.segments.length > 0;
  const [view, setView] = useState<QuadrantView>('overall');
  const [tableGroup, setTableGroup] = useState(OVERALL);
  const group = result.segments.find((g) => g.segment === tableGroup) ?? result.overall;
  const stem = `${spec.table} quadrant`;

  const missingUsed = spec.missing.length > 0 || spec.drivers.some((d) => d.missing?.length);
  const notes = [
    missingUsed ? t('quadrant.note.missing', { codes: spec.missing.join(', ') || '–' }) : t('quadrant.note.noMissing'),
    t('quadrant.note.ci'),
    result.overall.regression ? t('quadrant.note.regression', { n: result.overall.regression.n.toLocaleString(), r2: result.overall.regression.r2?.toFixed(3) ?? '–' }) : null,
    spec.bootstrap ? t('quadrant.note.bootstrap', { resamples: spec.bootstrap.resamples, seed: spec.bootstrap.seed }) : null,
  ].filter((x): x is string => !!x);

  const groupPicker = hasSegments ? (
    <select className="tn-an-select tn-qd-group" value={tableGroup} onChange={(e) => setTableGroup(e.target.value)} aria-label={t('quadrant.editor.tableGroup')} data-testid="qd-table-group">
      <option value={OVERALL}>{t('quadrant.overall')}</option>
      {result.segments.map((g) => (
        <option key={g.segment} value={g.segment!}>
          {g.segment}
        </option>
      ))}
    </select>
  ) : undefined;

  return (
    <>
      <HeadlineBanner text={headline(result, t)} notes={notes} />
      {hasSegments && (
        <div className="tn-qd-view">
          <Segmented<QuadrantView>
            value={view}
            onChange={setView}
            label={t('quadrant.editor.view')}
            options={[
              { value: 'overall', label: t('quadrant.overall') },
              { value: 'segments', label: t('quadrant.editor.bySegment', { segment: spec.segment }) },
            ]}
            testId="qd-view"
          />
        </div>
      )}
      <QuadrantChartCard result={result} view={view} theme={theme} fileTitle={stem} caption={t('quadrant.editor.chartCard')} />
      <PriorityTable group={group} theme={theme} fileTitle={`${stem} priorities${group.segment ? ` ${group.segment}` : ''}`} actions={groupPicker} />
    </>
  );
}
