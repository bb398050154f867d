import { useTranslation } from 'react-i18next';
import type { ColumnType, DateStyle, PlanColumn } from '../../../shared/import/importTypes';
import type { ImportSession } from './importDialogStore';
import { losesMost, setColumn } from './importController';

const TYPES: ColumnType[] = ['VARCHAR', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP'];
const DATE_STYLES: DateStyle[] = ['iso', 'ymd', 'mdy', 'dmy', 'dmy-dot', 'cjk', 'excel-1900', 'excel-1904'];

/** The first rows as they will load, under per-column name, type and original → final name. */
export function ImportPreview({ s }: { s: ImportSession }) {
  const { t, i18n } = useTranslation();
  const cols = s.plan?.columns ?? [];
  const busy = s.status === 'loading';
  return (
    <div className="import-preview" data-testid="import-preview">
      <table>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.index} data-column={c.name} title={headerTip(t, c)}>
                <input
                  key={`${s.plan?.file}:${c.index}:${c.name}`}
                  className="import-colname" aria-label={t('import.finalName')} defaultValue={c.name} disabled={busy} title={headerTip(t, c)}
                  onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== c.name && setColumn(c.index, { name: e.target.value.trim() })}
                  onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                />
                <div className="import-coltype">
                  <select data-testid="import-type" aria-label={t('import.type')} value={c.type} disabled={busy} onChange={(e) => setColumn(c.index, { type: e.target.value as ColumnType })}>
                    {TYPES.map((ty) => (
                      <option key={ty} value={ty}>{t(`import.types.${ty}`)}</option>
                    ))}
                  </select>
                  {(c.type === 'DATE' || c.type === 'TIMESTAMP') && (
                    <select aria-label={t('import.dateStyle')} value={c.date ?? 'iso'} disabled={busy} onChange={(e) => setColumn(c.index, { type: c.type, date: e.target.value as DateStyle })}>
                      {DATE_STYLES.map((d) => (
                        <option key={d} value={d}>{t(`import.dateStyles.${d}`)}</option>
                      ))}
                    </select>
                  )}
                </div>
                <LostValues s={s} index={c.index} />
                <div className="import-mapping" title={note(t, c)}>
                  {c.source === c.name ? <span className="import-src">{t('import.sameName')}</span> : <span className="import-src" data-testid="import-mapping">{(c.source || t('import.emptyHeader')) + ' → ' + c.name}</span>}
                  {c.textReason && <span className="codicon codicon-info" aria-label={t(`import.textReasons.${c.textReason}`)} />}
                  {c.flag && <span className="codicon codicon-flag" aria-label={t('import.flagCandidate', { trueValue: String(c.flag.trueValue) })} />}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.preview.map((row, r) => (
            <tr key={r}>
              {cols.map((c) => {
                const v = row[c.name];
                return (
                  <td key={c.index} className={v === null || v === undefined ? 'import-null' : typeof v === 'number' ? 'import-num' : undefined}>
                    {format(v, c, i18n.language)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The whole name (the box may cut it), its type, and the name in the file when it differs. */
function headerTip(t: (k: string, o?: Record<string, unknown>) => string, c: PlanColumn): string {
  const lines = [c.name, t(`import.types.${c.type}`)];
  if (c.source !== c.name) lines.push(`${t('import.originalName')}: ${c.source || t('import.emptyHeader')}`);
  return lines.join('\n');
}

function note(t: (k: string, o?: Record<string, unknown>) => string, c: PlanColumn): string {
  const parts = [`${t('import.originalName')}: ${c.source || t('import.emptyHeader')}`];
  if (c.textReason) parts.push(t(`import.textReasons.${c.textReason}`));
  if (c.flag) parts.push(t('import.flagCandidate', { trueValue: String(c.flag.trueValue) }));
  return parts.join('\n');
}

function format(v: unknown, c: PlanColumn, lang: string): string {
  if (v === null || v === undefined) return 'NULL';
  if (c.type === 'DATE' || c.type === 'TIMESTAMP') {
    const d = v instanceof Date ? v : new Date(Number(v));
    if (Number.isNaN(d.getTime())) return String(v);
    const iso = d.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
    return c.type === 'DATE' ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'number') return plainNumber(lang).format(v);
  return String(v);
}

const plainNumbers = new Map<string, Intl.NumberFormat>();

/** One formatter per language: toLocaleString with options builds a new one per cell (~100 ms for a preview). */
function plainNumber(lang: string): Intl.NumberFormat {
  let f = plainNumbers.get(lang);
  if (!f) plainNumbers.set(lang, (f = new Intl.NumberFormat(lang, { maximumFractionDigits: 10, useGrouping: false })));
  return f;
}

/** Under a forced type: how many values will not convert (and become empty), over what was counted. */
function LostValues({ s, index }: { s: ImportSession; index: number }) {
  const { t, i18n } = useTranslation();
  const f = s.forced.find((x) => x.index === index);
  if (!f || f.lost === 0) return null;
  const n = (v: number): string => v.toLocaleString(i18n.language);
  const params = { lost: n(f.lost), present: n(f.present), type: t(`import.types.${f.type}`), rows: n(s.sampledRows ?? 0) };
  const text = t(s.sampledRows === null ? 'import.lostValues' : 'import.lostValuesSample', params);
  return (
    <div className={`import-lost${losesMost(f) ? ' import-lost-most' : ''}`} data-testid="import-lost" title={text}>
      <span className="codicon codicon-warning" aria-hidden />
      <span>{t('import.lostShort', params)}</span>
    </div>
  );
}
