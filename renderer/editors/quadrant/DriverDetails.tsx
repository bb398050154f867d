import { useTranslation } from 'react-i18next';
import { ColumnPicker, Field, type TypeKind } from '../analysis';
import type { DriverForm } from './form';

const NUMBERS: TypeKind[] = ['number'];

/**
 * The chosen drivers, one row each: the display label used on the chart and in the table, the
 * driver's own "not applicable" codes (when they differ from the codes for all), and with stated
 * importance the column that holds it.
 */
export function DriverDetails({ table, drivers, stated, onChange }: { table: string; drivers: DriverForm[]; stated: boolean; onChange(drivers: DriverForm[]): void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<DriverForm>) => onChange(drivers.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  if (!drivers.length) return <div className="tn-an-hint">{t('quadrant.editor.noDrivers')}</div>;
  return (
    <div className="tn-qd-drivers" data-testid="qd-driver-details">
      {drivers.map((d, i) => (
        <div key={d.column} className="tn-qd-driver" data-column={d.column}>
          <div className="tn-qd-driver-column" title={d.column}>
            {d.column}
          </div>
          <div className="tn-an-row">
            <Field label={t('quadrant.editor.label')}>
              <input className="input" value={d.label} placeholder={d.column} onChange={(e) => set(i, { label: e.target.value })} data-testid="qd-driver-label" />
            </Field>
            <Field label={t('quadrant.editor.driverMissing')}>
              <input className="input" value={d.missing} placeholder={t('quadrant.editor.sameAsAll')} onChange={(e) => set(i, { missing: e.target.value })} data-testid="qd-driver-missing" />
            </Field>
          </div>
          {stated && (
            <ColumnPicker
              label={t('quadrant.editor.statedColumn')}
              table={table}
              value={d.importanceColumn}
              onChange={(importanceColumn) => set(i, { importanceColumn })}
              accept={NUMBERS}
              testId="qd-driver-stated"
            />
          )}
        </div>
      ))}
    </div>
  );
}
