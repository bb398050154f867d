import { useTranslation } from 'react-i18next';
import { ENCODINGS } from '../../../shared/import/encoding';
import type { ImportPlan } from '../../../shared/import/importTypes';
import type { ImportSession } from './importDialogStore';
import { setOptions } from './importController';

const DELIMITERS: [string, string][] = [[',', 'comma'], [';', 'semicolon'], ['\t', 'tab'], ['|', 'pipe']];

/** Encoding, delimiter, quote, header row… (CSV) or sheet and header row (Excel): each one overridable. */
export function ImportOptionsBar({ s }: { s: ImportSession }) {
  const { t } = useTranslation();
  const p: ImportPlan | null = s.plan;
  const busy = s.status === 'loading';
  const value = <K extends keyof ImportPlan>(k: K): ImportPlan[K] | undefined => (s.options[k as keyof typeof s.options] as ImportPlan[K] | undefined) ?? p?.[k];
  return (
    <div className="import-options" data-testid="import-options">
      {s.excel ? (
        <Field label={t('import.sheet')}>
          <select data-testid="import-sheet" disabled={busy} value={value('sheet') ?? ''} onChange={(e) => setOptions({ sheet: e.target.value, headerRow: undefined })}>
            {(p?.sheets ?? []).map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </Field>
      ) : (
        <>
          <Field label={t('import.encoding')} hint={p?.encodingBasis === 'scored' ? t('import.encodingGuessed') : undefined}>
            <select data-testid="import-encoding" disabled={busy} value={value('encoding') ?? 'utf-8'} onChange={(e) => setOptions({ encoding: e.target.value })}>
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>{enc.toUpperCase()}</option>
              ))}
            </select>
          </Field>
          <Field label={t('import.delimiter')}>
            <select data-testid="import-delimiter" disabled={busy} value={value('delimiter') ?? ','} onChange={(e) => setOptions({ delimiter: e.target.value })}>
              {DELIMITERS.map(([d, k]) => (
                <option key={k} value={d}>{t(`import.delimiters.${k}`)}</option>
              ))}
            </select>
          </Field>
          <Field label={t('import.quote')}>
            <select data-testid="import-quote" disabled={busy} value={value('quote') ?? '"'} onChange={(e) => setOptions({ quote: e.target.value })}>
              <option value={'"'}>"</option>
              <option value="'">'</option>
              <option value="">{t('import.noQuote')}</option>
            </select>
          </Field>
        </>
      )}
      <Field label={t('import.headerRow')}>
        <input
          type="number" min={1} className="import-number" data-testid="import-header-row" disabled={busy} value={value('headerRow') ?? 1}
          onChange={(e) => Number(e.target.value) >= 1 && setOptions({ headerRow: Math.floor(Number(e.target.value)) })}
        />
      </Field>
      <label className="import-check">
        <input type="checkbox" disabled={busy} checked={value('hasHeader') ?? true} onChange={(e) => setOptions({ hasHeader: e.target.checked })} />
        {t('import.hasHeader')}
      </label>
      {!s.excel && (
        <>
          <Field label={t('import.decimal')}>
            <select disabled={busy} value={value('decimal') ?? 'dot'} onChange={(e) => setOptions({ decimal: e.target.value as 'dot' | 'comma' })}>
              <option value="dot">{t('import.decimals.dot')}</option>
              <option value="comma">{t('import.decimals.comma')}</option>
            </select>
          </Field>
          <Field label={t('import.ragged')}>
            <select disabled={busy} value={value('ragged') ?? 'stop'} onChange={(e) => setOptions({ ragged: e.target.value as 'stop' | 'skip' | 'pad' })}>
              {(['stop', 'skip', 'pad'] as const).map((m) => (
                <option key={m} value={m}>{t(`import.raggedModes.${m}`)}</option>
              ))}
            </select>
          </Field>
        </>
      )}
    </div>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <label className="import-field" title={hint}>
      <span className="import-field-label">
        {label}
        {hint && <span className="codicon codicon-info import-hint" aria-label={hint} />}
      </span>
      {children}
    </label>
  );
}
