import { create } from 'zustand';
import { createLayoutSlice, type LayoutSlice } from './layoutSlice';
import { createEditorsSlice, type EditorsSlice } from './editorsSlice';
import { createSourcesSlice, type SourcesSlice } from './sourcesSlice';
import { createActivitySlice, type ActivitySlice } from './activitySlice';

/** The workbench's runtime state: one zustand store built from slices (only `settings` is persisted). */
export type WorkbenchState = LayoutSlice & EditorsSlice & SourcesSlice & ActivitySlice;

export const useWorkbench = create<WorkbenchState>()((...a) => ({
  ...createLayoutSlice(...a),
  ...createEditorsSlice(...a),
  ...createSourcesSlice(...a),
  ...createActivitySlice(...a),
}));
