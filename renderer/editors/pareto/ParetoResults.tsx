import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { classMixChartOption, classTable, headline, lorenzChartOption, paretoChartOption, whaleChartOption } from '../../../shared/analysis/pareto/chart';
import type { ChartTheme } from '../../../shared/charts/theme';
import type { Cell } from '../../../shared/export/tableExport';
import type { TFunction } from '../../../shared/i18n/i18n';
import { ChartCard, HeadlineBanner, TableCard, useFormatters, type CellKind, type TableCardColumn } from '../analysis';
import type { ChartClick } from '../../charts/EChart';
import { openCustomers, type ParetoRun } from './run';
import { CLASS_NAMES } from '../../../shared/analysis/pareto/types';

/** The results of one run: headline, Pareto chart, Lorenz (+ whale), ABC classes, and the group breakdown. */
export function ParetoResults({ run, theme }: { run: ParetoRun; theme: 'dark' | 'light' }) {
  const { t: tr } = useTranslation();
  const t = tr as unknown as TFunction;
  const f = useFormatters();
  const { result, label } = run;
  const ctx = useCallback((th: ChartTheme) => ({ t, theme: th, valueLabel: label, groupLabel: run.groupLabel }), [t, label, run.groupLabel]);
  const buildPareto = useCallback((th: ChartTheme) => paretoChartOption(result, ctx(th)), [result, ctx]);
  const buildLorenz = useCallback((th: ChartTheme) => lorenzChartOption(result, ctx(th)), [result, ctx]);
  const buildWhale = useCallback((th: ChartTheme) => whaleChartOption(result, ctx(th)), [result, ctx]);
  const buildMix = useCallback((th: ChartTheme) => classMixChartOption(result, ctx(th)), [result, ctx]);
  const format = useCallback((v: Cell, kind: CellKind) => (typeof v !== 'number' ? String(v ?? '') : kind === 'count' ? f.count(v) : kind === 'share' ? f.share(v) : f.amount(v)), [f]);
  const stem = `${run.spec.table} ${label}`;

  const classes = useMemo(() => classTable(result, label, t), [result, label, t]);
  const classColumns: TableCardColumn[] = [
    classes.columns[0],
    { title: t('pareto.editor.description'), kind: 'text' as const },
    ...classes.columns.slice(1),
  ].map((c) => ({ title: c.title, kind: c.kind }));
  const classRows: Cell[][] = classes.rows.map((r) => [r.label, r.description, r.customers, r.customerShare, r.value, r.valueShare, r.avgValue]);

  const groupColumns: TableCardColumn[] = [
    { title: run.groupLabel ?? '', kind: 'text' },
    { title: t('pareto.table.customers'), kind: 'count' },
    { title: t('pareto.table.customerShare'), kind: 'share' },
    { title: t('pareto.table.value', { value: label }), kind: 'amount' },
    { title: t('pareto.table.valueShare', { value: label }), kind: 'share' },
    { title: t('pareto.table.avgValue', { value: label }), kind: 'amount' },
    ...(['A', 'B', 'C'] as const).map((c) => ({ title: t('pareto.editor.classShare', { cls: t(`pareto.class.${c}`) }), kind: 'share' as const })),
  ];
  const groupRows: Cell[][] = result.groups.map((g) => [
    g.name ?? t('pareto.blankGroup'),
    g.n,
    g.customerShare,
    g.value,
    g.valueShare,
    g.avgValue,
    ...g.classes.map((c) => c.customerShare),
  ]);

  // A bar of the Pareto chart is a run of consecutive ranks: its customers, in a grid tab.
  const onParetoClick = useCallback(
    (e: ChartClick) => {
      const bin = e.seriesIndex === 0 ? result.curve[e.dataIndex] : undefined;
      if (bin) openCustomers(run, { fromRank: bin.first, toRank: bin.last }, t);
    },
    [result, run, t],
  );

  // A segment of the class-mix chart: that class's customers within that group value.
  const onMixClick = useCallback(
    (e: ChartClick) => {
      const groups = [...result.groups].reverse(); // as drawn: the first group at the bottom
      const g = groups[e.dataIndex];
      const cls = CLASS_NAMES[e.seriesIndex];
      if (g && cls) openCustomers(run, { class: cls, group: { value: g.name } }, t);
    },
    [result, run, t],
  );

  const notes = [
    result.nullValues > 0 || result.nullIds > 0 ? t('pareto.editor.leftOut', { values: result.nullValues, ids: result.nullIds }) : null,
    result.multiGroupCustomers > 0 ? t('pareto.editor.multiGroup', { count: result.multiGroupCustomers, group: run.groupLabel ?? '' }) : null,
    result.exact ? null : t('pareto.inexact'),
  ].filter((x): x is string => !!x);
  const hasWhale = result.negative.count > 0;
  const lorenz = <ChartCard caption={t('pareto.editor.lorenzCard', { gini: result.gini })} build={buildLorenz} theme={theme} fileTitle={`${stem} Lorenz`} height={360} testId="pareto-lorenz" deferred />;
  const classCard = (
    <TableCard
      title={t('pareto.editor.classesCard')}
      subtitle={t('pareto.editor.classesHint')}
      columns={classColumns}
      rows={classRows}
      format={format}
      fileTitle={`${stem} classes`}
      totalRow={classRows.length - 1}
      onRowClick={(i) => openCustomers(run, { class: classes.rows[i].key as 'A' | 'B' | 'C' }, t)}
      rowTitle={(i) => t('pareto.editor.openCustomers', { cls: classes.rows[i].label })}
      testId="pareto-classes"
    />
  );

  return (
    <>
      <HeadlineBanner text={headline(result, label, t)} notes={notes} />
      <ChartCard
        caption={t('pareto.editor.paretoCard')}
        hint={t('pareto.editor.paretoHint')}
        build={buildPareto}
        theme={theme}
        fileTitle={`${stem} Pareto`}
        height={440}
        onClick={onParetoClick}
        testId="pareto-chart"
      />
      {hasWhale ? (
        <>
          <div className="tn-an-grid2">
            {lorenz}
            <ChartCard caption={t('pareto.editor.whaleCard')} build={buildWhale} theme={theme} fileTitle={`${stem} whale`} height={360} testId="pareto-whale" deferred />
          </div>
          {classCard}
        </>
      ) : (
        <div className="tn-an-grid2">
          {lorenz}
          {classCard}
        </div>
      )}
      {result.groups.length > 0 && (
        <>
          <ChartCard
            caption={t('pareto.editor.mixCard', { group: run.groupLabel })}
            build={buildMix}
            theme={theme}
            fileTitle={`${stem} by ${run.groupLabel}`}
            height={Math.min(560, 190 + 44 * result.groups.length)}
            onClick={onMixClick}
            hint={t('pareto.editor.mixHint')}
            testId="pareto-mix"
            deferred
          />
          <TableCard title={t('pareto.editor.groupsCard', { group: run.groupLabel })} columns={groupColumns} rows={groupRows} format={format} fileTitle={`${stem} by ${run.groupLabel}`} testId="pareto-groups" />
        </>
      )}
    </>
  );
}
