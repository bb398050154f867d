import type { ReactNode } from 'react';

/** A result card: title (the finding), optional subtitle, actions on the right, content below. */
export function Card({ title, subtitle, actions, children, testId }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="tn-an-card" data-testid={testId}>
      <header className="tn-an-card-header">
        <div className="tn-an-card-titles">
          <h3 className="tn-an-card-title">{title}</h3>
          {subtitle && <div className="tn-an-card-subtitle">{subtitle}</div>}
        </div>
        {actions && <div className="tn-an-card-actions">{actions}</div>}
      </header>
      <div className="tn-an-card-body">{children}</div>
    </section>
  );
}
