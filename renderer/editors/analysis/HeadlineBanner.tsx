import type { ReactNode } from 'react';

/** The finding in one sentence, above the charts; notes (caveats) below it in a smaller type. */
export function HeadlineBanner({ text, notes }: { text: string; notes?: ReactNode[] }) {
  return (
    <div className="tn-an-headline" data-testid="headline">
      <span className="codicon codicon-lightbulb" aria-hidden />
      <div>
        <p className="tn-an-headline-text" data-testid="headline-text">
          {text}
        </p>
        {notes?.filter(Boolean).map((n, i) => (
          <p key={i} className="tn-an-headline-note">
            {n}
          </p>
        ))}
      </div>
    </div>
  );
}
