import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../services';
import { OPENABLE, openDropped } from '../actions/openFiles';
import { useWorkbench } from '../../store/workbenchStore';

/** Drag files from the OS anywhere onto the window to open them (CSV, TSV, XLSX, XLS). */
export function DropOverlay() {
  const { t } = useTranslation();
  const services = useServices();
  const [over, setOver] = useState(false);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      const ok = files.filter((f) => OPENABLE.test(f.name));
      const rejected = files.filter((f) => !OPENABLE.test(f.name));
      if (rejected.length) {
        useWorkbench.getState().notify('warning', t('workbench.drop.unsupported', { files: rejected.map((f) => f.name).join(', ') }));
      }
      if (ok.length) void openDropped(services, ok);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [services, t]);

  if (!over) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-message">
        <span className="codicon codicon-cloud-upload" aria-hidden />
        <span>{t('workbench.drop.message')}</span>
      </div>
    </div>
  );
}
