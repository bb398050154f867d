import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../store/workbenchStore';

/** Problems as VS Code lists them: severity icon, message, then where (file, line, column). */
export function ProblemsView() {
  const { t } = useTranslation();
  const problems = useWorkbench((s) => s.problems);
  if (!problems.length) return <div className="panel-empty">{t('workbench.panel.noProblems')}</div>;
  return (
    <ul className="problems" data-testid="problems">
      {problems
        .slice()
        .reverse()
        .map((p) => (
          <li key={p.id} className={`problem ${p.severity}`}>
            <span className={`codicon codicon-${p.severity === 'info' ? 'info' : p.severity}`} aria-hidden />
            {/* One line per problem, as in VS Code; DuckDB's caret snippet stays in the tooltip. */}
            <span className="problem-message" title={p.text ? t(p.text.key, p.text.params) : p.message}>
              {firstLine(p.text ? t(p.text.key, p.text.params) : p.message)}
            </span>
            <span className="problem-where">
              {[p.file, p.line !== undefined ? t('workbench.panel.line', { line: p.line }) : null, p.column !== undefined ? t('workbench.panel.column', { column: p.column }) : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {/* Only the engine's own errors carry a code a person knows (sql); internal keys stay hidden. */}
            {!p.code.includes('.') && <span className="problem-code">{p.code}</span>}
          </li>
        ))}
    </ul>
  );
}

function firstLine(message: string): string {
  const line = message.split('\n').find((l) => l.trim() !== '') ?? message;
  return line.trim();
}
