import { useId } from 'react';
import { Field } from '../analysis';

/**
 * A one-line text input in the kit's Field (the kit has number, select and SQL fields but no plain
 * text: units, lists of times, dates as typed).
 */
export function TextField({ label, value, onChange, placeholder, hint, error, type = 'text', testId }: { label: string; value: string; onChange(v: string): void; placeholder?: string; hint?: string; error?: string | null; type?: 'text' | 'date'; testId?: string }) {
  const id = useId();
  return (
    <Field label={label} hint={hint} error={error} htmlFor={id}>
      <input id={id} className="input tn-sv-input" type={type} value={value} placeholder={placeholder} spellCheck={false} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </Field>
  );
}
