import { useTranslation } from 'react-i18next';
import type { DeckItem } from './items';

interface Props {
  item: DeckItem;
  first: boolean;
  last: boolean;
  disabled: boolean;
  onChange(patch: Partial<DeckItem>): void;
  onMove(delta: -1 | 1): void;
}

/** One chart of the deck: include, its finding (slide title), takeaway, table option, order buttons. */
export function DeckItemRow({ item, first, last, disabled, onChange, onMove }: Props) {
  const { t } = useTranslation();
  return (
    <li className={item.include ? 'tn-deck-item' : 'tn-deck-item off'} data-testid="deck-item" data-id={item.id} data-kind={item.kind} data-chart={item.chartId}>
      <input type="checkbox" checked={item.include} disabled={disabled} onChange={(e) => onChange({ include: e.target.checked })} aria-label={t('export.deckUi.include')} data-testid="deck-include" />
      <div className="tn-deck-body">
        <div className="tn-deck-kind">
          {t(`export.deckUi.kind.${item.kind}`)} · {t(`export.deckUi.chart.${item.kind}.${item.chartId}`)}
        </div>
        <div className="tn-deck-title" data-testid="deck-item-title">
          {item.title}
        </div>
        <label className="tn-deck-takeaway">
          <span>{t('export.deckUi.takeaway')}</span>
          <input type="text" value={item.takeaway} disabled={disabled || !item.include} onChange={(e) => onChange({ takeaway: e.target.value })} data-testid="deck-takeaway" />
        </label>
        {item.hasTable && !item.changes && (
          <label className="tn-deck-check">
            <input type="checkbox" checked={item.withTable} disabled={disabled || !item.include} onChange={(e) => onChange({ withTable: e.target.checked })} data-testid="deck-with-table" />
            {t('export.deckUi.withTable')}
          </label>
        )}
      </div>
      <div className="tn-deck-order">
        <button type="button" className="icon-button" disabled={disabled || first} title={t('export.deckUi.moveUp')} aria-label={t('export.deckUi.moveUp')} onClick={() => onMove(-1)} data-testid="deck-up">
          <span className="codicon codicon-arrow-up" aria-hidden />
        </button>
        <button type="button" className="icon-button" disabled={disabled || last} title={t('export.deckUi.moveDown')} aria-label={t('export.deckUi.moveDown')} onClick={() => onMove(1)} data-testid="deck-down">
          <span className="codicon codicon-arrow-down" aria-hidden />
        </button>
      </div>
    </li>
  );
}
