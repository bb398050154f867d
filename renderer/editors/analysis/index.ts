/** The analysis editor kit: layout, form controls, result cards and run state, shared by every analysis editor. */
export { AnalysisLayout, FormSection, Field } from './AnalysisLayout';
export { Card } from './Card';
export { ChartCard, type ChartCardProps } from './ChartCard';
export { TableCard, TableExportButtons, saveTable, type TableCardColumn, type CellKind } from './TableCard';
export { HeadlineBanner } from './HeadlineBanner';
export { RunStatus } from './RunStatus';
export { useAnalysisRun, runError, type RunState, type RunError } from './useAnalysisRun';
export { Select, NumberField, Checkbox, SqlFragmentField, TablePicker, ColumnPicker, MultiColumnPicker, ValuePicker, TypeBadge, type Option } from './controls';
export { typeKind, type TypeKind } from './columnTypes';
export { useTables, useTable } from './useTables';
export { useFormatters, formatters, type Formatters } from './format';
export { showSqlInEditor } from './showSql';
export { openQueryGrid, QueryGridEditor, type QueryGridData } from './QueryGridEditor';
export { RunActions, FormProblems } from './RunActions';
export { useRunOnOpen } from './useRunOnOpen';
