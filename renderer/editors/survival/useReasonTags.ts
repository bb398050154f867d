import { useEffect } from 'react';
import { useWorkbench } from '../../store/workbenchStore';

/**
 * The controllable / not controllable tags of the open churn-reasons editor for this table and reason
 * column, copied into the survival form while causes come from tags (the spec then carries them, so a
 * saved study or deck re-runs without the reasons editor).
 */
export function useReasonTags(table: string, reason: string, active: boolean, current: Record<string, boolean>, onTags: (tags: Record<string, boolean>) => void): void {
  const tags = useWorkbench((s) => {
    if (!active) return null;
    for (const g of s.groups) {
      for (const tab of g.tabs) {
        const f = tab.kind === 'reasons' ? (tab.data.form as { table?: string; reason?: string; tags?: Record<string, boolean> } | undefined) : undefined;
        if (f && f.table === table && f.reason === reason && f.tags) return f.tags;
      }
    }
    return null;
  });
  useEffect(() => {
    if (tags && JSON.stringify(tags) !== JSON.stringify(current)) onTags(tags);
  }, [tags, current, onTags]);
}
