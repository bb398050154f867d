import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callRow, type RiskResult } from '../../../shared/analysis/risk/compute';
import { callListSql, customerRowSql, saveCallListSql, scoredRelation } from '../../../shared/analysis/risk/sql';
import { callListTable, windowSentence } from '../../../shared/analysis/risk/text';
import { toRows } from '../../../shared/engine/arrowRows';
import type { Cell, TableData } from '../../../shared/export/tableExport';
import type { TFunction } from '../../../shared/i18n/i18n';
import { useWorkbench } from '../../store/workbenchStore';
import { refreshCatalog } from '../../workbench/actions/catalog';
import { reportError } from '../../workbench/actions/reportError';
import { useServices } from '../../workbench/services';
import { TableCard, openQueryGrid, useFormatters, type CellKind } from '../analysis';

/** A table name DuckDB accepts unquoted (quoted anyway when saved). */
export function suggestCallListName(table: string): string {
  return `${table.replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/^_+|_+$/g, '') || 'risk'}_call_list`;
}

/**
 * The call list: its head in a table (each row's tooltip is its window sentence; a click opens the customer's
 * record), the whole list in a grid, exported whole (CSV with the formula guard, XLSX) or saved as a table.
 */
export function CallListCard({ result }: { result: RiskResult }) {
  const { t: tr } = useTranslation();
  const t = tr as unknown as TFunction;
  const f = useFormatters();
  const { engine, i18n } = useServices();
  const table = useMemo(() => callListTable(result, result.top, t), [result, t]);
  const fullSql = useMemo(() => callListSql(scoredRelation(result.ctes), result.spec.aFirst), [result]);
  const stem = `${result.spec.table} ${t('risk.card.callList')}`;
  const [saving, setSaving] = useState<string | null>(null);

  const load = useCallback(async (): Promise<TableData> => {
    const rows = toRows<Parameters<typeof callRow>[0]>(await engine.query(fullSql)).map(callRow);
    const all = callListTable(result, rows, t);
    return { columns: all.columns, rows: all.rows };
  }, [engine, fullSql, result, t]);

  const openCustomer = (i: number) => {
    const row = result.top[i];
    if (row.id === null) return;
    const caption = [`${t('risk.table.customer')} ${row.id}`, windowSentence(t, result.unit, row.window, row.time)].filter(Boolean).join(' · ');
    openQueryGrid(`${result.spec.customer} ${row.id}`, { sql: customerRowSql(result.spec, row.id), caption, fileTitle: `${result.spec.table} ${row.id}` });
  };
  // Title and caption as keys: the tab follows a language switch.
  const openAll = () =>
    openQueryGrid(t('risk.card.callListTitle', { table: result.spec.table }), {
      sql: fullSql,
      caption: t('risk.card.callListCaption', { count: result.scored, table: result.spec.table }),
      fileTitle: stem,
      titleKey: 'risk.card.callListTitle',
      captionKey: 'risk.card.callListCaption',
      titleParams: { table: result.spec.table },
      captionParams: { table: result.spec.table, count: result.scored },
    });
  const save = async () => {
    const name = saving?.trim();
    if (!name) return;
    try {
      await engine.query(saveCallListSql(result.ctes, result.spec.aFirst, name));
      await refreshCatalog(engine);
      useWorkbench.getState().notify('info', t('risk.card.saved', { table: name, count: result.scored }));
      setSaving(null);
    } catch (err) {
      reportError(i18n, err, 'sql');
    }
  };
  // Tenure may be fractional (weeks from days): shown like an amount.
  const kinds = table.kinds.map((k): CellKind => (k === 'number' ? 'amount' : k));
  const format = (v: Cell, kind: CellKind) => (typeof v !== 'number' ? String(v ?? '') : kind === 'count' ? f.count(v) : kind === 'share' ? f.share(v) : f.amount(v));

  return (
    <div className="tn-rk-calls">
      <TableCard
        title={t('risk.card.callList')}
        subtitle={t('risk.card.callListHint', { shown: result.top.length, count: result.scored })}
        columns={table.columns.map((title, i) => ({ title, kind: kinds[i] }))}
        rows={table.rows}
        format={format}
        fileTitle={stem}
        onRowClick={openCustomer}
        rowTitle={(i) => windowSentence(t, result.unit, result.top[i].window, result.top[i].time)}
        exportData={load}
        testId="risk-call-list"
        actions={
          <>
            <button type="button" className="tn-an-link" onClick={openAll} data-testid="risk-open-list">
              <span className="codicon codicon-list-flat" aria-hidden />
              {t('risk.card.openList')}
            </button>
            {saving === null ? (
              <button type="button" className="tn-an-link" onClick={() => setSaving(suggestCallListName(result.spec.table))} data-testid="risk-save-open">
                <span className="codicon codicon-save" aria-hidden />
                {t('risk.card.save')}
              </button>
            ) : (
              <form
                className="tn-pa-save"
                onSubmit={(e) => {
                  e.preventDefault();
                  void save();
                }}
              >
                <input className="input" value={saving} autoFocus onChange={(e) => setSaving(e.target.value)} aria-label={t('pareto.editor.saveAs')} data-testid="risk-save-name" />
                <button type="submit" className="button primary small" disabled={!saving.trim()} data-testid="risk-save">
                  {t('pareto.editor.save')}
                </button>
                <button type="button" className="button secondary small" onClick={() => setSaving(null)}>
                  {t('export.analysis.cancel')}
                </button>
              </form>
            )}
          </>
        }
      />
    </div>
  );
}
