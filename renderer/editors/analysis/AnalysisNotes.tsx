import { useTranslation } from 'react-i18next';
import { useStudy } from '../../study/studyStore';
import { FormSection } from './AnalysisLayout';

/**
 * Free-text notes on an analysis (what was decided, what to check next month): kept in the study under the
 * analysis id, so they are saved, autosaved and reopened with it. Folded away until there is something in it.
 */
export function AnalysisNotes({ id }: { id: string }) {
  const { t } = useTranslation();
  const value = useStudy((s) => s.notes[id] ?? '');
  const onChange = (text: string) => {
    const { [id]: _old, ...rest } = useStudy.getState().notes;
    useStudy.getState().set({ notes: text ? { ...rest, [id]: text } : rest });
  };
  return (
    <FormSection title={t('export.analysis.notes')} defaultOpen={value !== ''}>
      <textarea
        className="tn-an-notes"
        value={value}
        rows={5}
        maxLength={100_000}
        placeholder={t('export.analysis.notesHint')}
        aria-label={t('export.analysis.notes')}
        onChange={(e) => onChange(e.target.value)}
        data-testid="analysis-notes"
      />
    </FormSection>
  );
}
