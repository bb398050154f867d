import { fileSourceFromFile } from '../../host/fileSource';
import { useWorkbench } from '../../store/workbenchStore';
import { TenureError } from '../../../shared/errors';
import type { WorkbenchServices } from '../services';
import { importSource, openTable } from './openFiles';
import { reportError } from './reportError';

/** The generated sample (npm run sample → renderer/public/sample/), served beside the app. */
export const SAMPLE_FILES = ['customers.csv', 'billing.csv', 'survey.csv'] as const;
const SAMPLE_SOURCE = { id: 'sample', label: 'workbench.explorer.sampleWorkspace', labelKey: true, icon: 'workspace' as const };

/** Fetch the three sample files and import them as one data source; opens the customers table. */
export async function openSampleWorkspace(services: WorkbenchServices): Promise<void> {
  const existing = useWorkbench.getState().sources.find((s) => s.id === SAMPLE_SOURCE.id);
  if (existing?.tables.length) {
    openTable(existing.tables[0].name);
    return;
  }
  let files: File[];
  try {
    files = await Promise.all(
      SAMPLE_FILES.map(async (name) => {
        const url = new URL(`sample/${name}`, document.baseURI);
        const res = await fetch(url);
        if (!res.ok) throw new TenureError('sample.missing', `${name}: ${res.status} ${res.statusText}`, { file: name, params: { file: name } });
        return new File([await res.blob()], name, { type: 'text/csv' });
      }),
    );
  } catch (err) {
    reportError(services.i18n, err, 'sample.missing');
    return;
  }
  let first: string | null = null;
  for (const file of files) {
    const table = await importSource(services, fileSourceFromFile(file), SAMPLE_SOURCE, { open: false, dialog: false });
    first ??= table;
  }
  if (first) openTable(first);
}
