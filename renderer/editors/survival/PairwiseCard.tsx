import { useTranslation } from 'react-i18next';
import type { SurvivalResult } from '../../../shared/analysis/survival/compute';
import type { Translate } from '../../../shared/analysis/survival/format';
import { nameLabel, pairwiseFinding, pText } from '../../../shared/analysis/survival/modelsText';
import { TableCard, useFormatters, type TableCardColumn } from '../analysis';

/** Log-rank between every two groups, with the adjusted p (the table under the curves). */
export function PairwiseCard({ result, fileTitle }: { result: SurvivalResult; fileTitle: string }) {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const f = useFormatters();
  const pw = result.pairwise;
  if (!pw) return null;
  const adjust = t(`survival.models.adjust.${pw.adjust}`);
  const columns: TableCardColumn[] = [
    { title: t('survival.models.pairwise.a'), kind: 'text' },
    { title: t('survival.models.pairwise.b'), kind: 'text' },
    { title: t('survival.models.pairwise.chisq'), kind: 'amount' },
    { title: t('survival.models.pairwise.p'), kind: 'text' },
    { title: t('survival.models.pairwise.pAdjusted', { adjust }), kind: 'text' },
  ];
  const rows = pw.rows.map((x) => [nameLabel(tr, x.a), nameLabel(tr, x.b), x.chisq, x.p, x.pAdjusted]);
  return (
    <TableCard
      title={t('survival.models.pairwise.title')}
      subtitle={pairwiseFinding(result, tr)}
      columns={columns}
      rows={rows}
      format={(v, kind) => {
        if (v === null || v === undefined) return t('survival.models.pairwise.noTest');
        if (typeof v === 'number' && kind === 'text') return pText(v).replace(/^= /, '');
        return kind === 'amount' ? f.amount(Math.round(Number(v) * 100) / 100) : String(v);
      }}
      fileTitle={`${fileTitle} pairwise`}
      testId="pairwise-table"
    />
  );
}
