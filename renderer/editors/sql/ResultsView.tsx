import { useTranslation } from 'react-i18next';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { DataGrid, type GridInfo } from '../grid/DataGrid';
import '../grid/DataGrid.css';

/** The Results panel body: the grid over the last shown query, or a hint before the first run. */
export function ResultsView(props: {
  engine: QueryEngine;
  source: { kind: 'query'; sql: string } | null;
  onInfo?(i: GridInfo): void;
}) {
  const { t } = useTranslation();
  if (!props.source) return <div className="tn-results-empty">{t('grid.noResult')}</div>;
  return <DataGrid key={props.source.sql} engine={props.engine} source={props.source} onInfo={props.onInfo} />;
}
