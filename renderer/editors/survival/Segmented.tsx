/** A row of mutually exclusive buttons (the kit's .tn-an-segmented look): time kind, result tabs, period. */
export function Segmented<V extends string>({ value, options, onChange, label, testId }: { value: V; options: { value: V; label: string }[]; onChange(v: V): void; label?: string; testId?: string }) {
  return (
    <div className="tn-an-segmented" role="group" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={o.value === value} data-value={o.value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
