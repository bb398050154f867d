import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../shared/i18n/i18n';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { WorkerEngine } from '../../engine/workerEngine';
import { DataGrid } from '../grid/DataGrid';
import { SqlEditor } from '../sql/SqlEditor';
import { ResultsView } from '../sql/ResultsView';

/**
 * Dev-only page: ?rows=N builds a table "big" of N rows in the worker engine, shows it in a grid,
 * and a SQL editor whose results go to a second grid. Exposes window.__harness for scripted checks.
 */
const params = new URLSearchParams(location.search);
const rows = Number(params.get('rows') ?? 10_000_000);
const i18n = createI18n(params.get('lang') === 'zh-CN' ? 'zh-CN' : 'en');
const worker = new WorkerEngine();
const stats = { queries: 0, windows: 0 };
// Counts statements so scripted checks can see how many windows fast scrolling fetched.
const engine: QueryEngine = {
  name: worker.name,
  filesDir: worker.filesDir,
  init: () => worker.init(),
  registerFileBuffer: (n, b) => worker.registerFileBuffer(n, b),
  registerFileHandle: (n, h) => worker.registerFileHandle(n, h),
  dropFile: (n) => worker.dropFile(n),
  insertArrowTable: (n, t) => worker.insertArrowTable(n, t),
  query: (sql) => {
    stats.queries++;
    if (sql.includes('"tenure_w"')) stats.windows++;
    return worker.query(sql);
  },
  cancel: () => worker.cancel(),
  close: () => worker.close(),
};
const theme = params.get('theme') === 'light' ? 'light' : 'dark';
if (theme === 'light') {
  const st = document.body.style;
  for (const [k, v] of Object.entries({ '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-panel-border': '#e5e5e5', '--vscode-list-hoverBackground': '#f2f2f2', '--vscode-descriptionForeground': '#717171', '--vscode-sideBar-background': '#f8f8f8' })) st.setProperty(k, v);
  st.background = '#ffffff';
}

function App() {
  const [result, setResult] = useState<{ kind: 'query'; sql: string } | null>(null);
  const [info, setInfo] = useState('');
  const [log, setLog] = useState<string[]>([]);
  const schema = { tables: [{ name: 'big', columns: [{ name: 'id', type: 'BIGINT' }, { name: 'k', type: 'INTEGER' }, { name: 'Monthly Charges', type: 'DOUBLE' }] }] };
  return (
    <div style={{ display: 'grid', gridTemplateRows: '45% 55%', gridTemplateColumns: '1fr 1fr', height: '100%' }}>
      <div style={{ gridColumn: '1 / 3', borderBottom: '1px solid #444', minHeight: 0 }} data-testid="table-grid">
        <DataGrid engine={engine} source={{ kind: 'table', table: 'big' }} onInfo={(i) => setInfo(`${i.rows} × ${i.columns}`)} />
      </div>
      <div style={{ minHeight: 0, borderRight: '1px solid #444' }} data-testid="sql">
        <SqlEditor
          engine={engine}
          schema={schema}
          initialText={'SELECT k, count(*) AS n, avg("Monthly Charges") AS avg_charge\nFROM big\nGROUP BY k\nORDER BY n DESC;\n\nSELECT nope FROM big;\n'}
          theme={theme}
          onResult={(r) => setLog((l) => [...l, JSON.stringify(r)])}
          onShowResult={setResult}
        />
      </div>
      <div style={{ minHeight: 0, display: 'flex', flexDirection: 'column' }} data-testid="results">
        <div data-testid="info" style={{ fontSize: 11 }}>{info}</div>
        <div style={{ flex: 1, minHeight: 0 }}>
          <ResultsView engine={engine} source={result} />
        </div>
        <pre data-testid="log" style={{ fontSize: 10, maxHeight: 80, overflow: 'auto', margin: 0 }}>{log.join('\n')}</pre>
      </div>
    </div>
  );
}

(async () => {
  await engine.init();
  await engine.query(`CREATE TABLE big AS SELECT i::BIGINT AS id, ((i * 7919) % 1000)::INTEGER AS k,
    CASE WHEN i % 10 = 0 THEN NULL ELSE i * 0.25 END::DOUBLE AS "Monthly Charges",
    'customer ' || i || repeat(' long text', (i % 7)::INTEGER) AS note, DATE '2020-01-01' + (i % 1500)::INTEGER AS since
    FROM range(${Math.max(0, Math.floor(rows))}) r(i)`);
  (window as unknown as { __harness: unknown }).__harness = { ready: true, stats };
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
})();
