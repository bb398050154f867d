import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveClassesSql } from '../../../shared/analysis/pareto/sql';
import { useWorkbench } from '../../store/workbenchStore';
import { refreshCatalog } from '../../workbench/actions/catalog';
import { reportError } from '../../workbench/actions/reportError';
import { useServices } from '../../workbench/services';
import type { ParetoRun } from './run';
import { useStudy } from '../../study/studyStore';

/** A table name DuckDB accepts without quoting: letters, digits, underscores (quoted anyway when saved). */
export function suggestTableName(table: string): string {
  const base = table.replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/^_+|_+$/g, '') || 'pareto';
  return `${base}_pareto_classes`;
}

/** "Save classes as table": every customer with rank, cumulative share and class, as a new DuckDB table. */
export function SaveClasses({ run, analysisId }: { run: ParetoRun; analysisId: string }) {
  const { t } = useTranslation();
  const services = useServices();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(() => suggestTableName(run.spec.table));
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const table = name.trim();
    if (!table) return;
    setBusy(true);
    try {
      await services.engine.query(saveClassesSql(run.spec, run.result.mode, table));
      await refreshCatalog(services.engine);
      // A study keeps the recipe (rebuilt on open), never the rows.
      useStudy.getState().addDerived({ kind: 'paretoClasses', table, analysis: analysisId });
      useWorkbench.getState().notify('info', t('pareto.editor.savedTable', { table, count: run.result.n }));
      setOpen(false);
    } catch (err) {
      reportError(services.i18n, err, 'sql');
    } finally {
      setBusy(false);
    }
  };
  if (!open) {
    return (
      <button type="button" className="tn-an-link" onClick={() => setOpen(true)} data-testid="pareto-save-open">
        <span className="codicon codicon-save" aria-hidden />
        {t('pareto.editor.saveClasses')}
      </button>
    );
  }
  return (
    <form
      className="tn-pa-save"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <span>{t('pareto.editor.saveAs')}</span>
        <input className="input" value={name} autoFocus onChange={(e) => setName(e.target.value)} data-testid="pareto-save-name" />
      </label>
      <button type="submit" className="button primary small" disabled={busy || !name.trim()} data-testid="pareto-save">
        {t('pareto.editor.save')}
      </button>
      <button type="button" className="button secondary small" onClick={() => setOpen(false)}>
        {t('export.analysis.cancel')}
      </button>
    </form>
  );
}
