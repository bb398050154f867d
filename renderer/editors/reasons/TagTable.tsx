import { useTranslation } from 'react-i18next';
import type { ReasonTable } from '../../../shared/analysis/reasons/compute';
import { pct } from '../../../shared/analysis/survival/format';
import { Card, TableExportButtons, useFormatters } from '../analysis';
import { Segmented } from '../survival/Segmented';
import { setTag, tagOf, type Tag } from './reasonsForm';

/** Every reason with its count and share, and a three-way toggle: controllable / not / not tagged. */
export function TagTable({ table, tags, onTags, fileTitle }: { table: ReasonTable; tags: Record<string, boolean>; onTags(t: Record<string, boolean>): void; fileTitle: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const label = (tag: Tag) => t(tag === 'yes' ? 'survival.reasons.controllable' : tag === 'no' ? 'survival.reasons.notControllable' : 'survival.reasons.untagged');
  const data = {
    columns: [t('survival.reasonsForm.reason'), t('survival.reasons.count'), t('survival.reasonsForm.share'), t('survival.reasons.cumulative'), t('survival.reasonsForm.tag')],
    rows: table.rows.map((r) => [r.reason ?? t('survival.reasons.noReason'), r.count, r.share, r.cumulativeShare, r.reason === null ? '' : label(tagOf(tags, r.reason))]),
  };
  return (
    <Card title={t('survival.reasonsForm.tagsTitle')} subtitle={t('survival.reasonsForm.tagsHint')} testId="reasons-tags" actions={<TableExportButtons data={data} fileTitle={fileTitle} />}>
      <div className="tn-an-table-wrap">
        <table className="tn-an-table tn-sv-tags">
          <thead>
            <tr>
              {data.columns.map((c, i) => (
                <th key={i} className={i > 0 && i < 4 ? 'num' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i} data-reason={r.reason ?? ''}>
                <td>{r.reason ?? t('survival.reasons.noReason')}</td>
                <td className="num">{f.count(r.count)}</td>
                <td className="num">{pct(r.share)}</td>
                <td className="num">{pct(r.cumulativeShare)}</td>
                <td>
                  {r.reason !== null && (
                    <Segmented<Tag>
                      value={tagOf(tags, r.reason)}
                      label={r.reason}
                      onChange={(tag) => onTags(setTag(tags, r.reason!, tag))}
                      options={(['yes', 'no', 'none'] as const).map((v) => ({ value: v, label: label(v) }))}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
