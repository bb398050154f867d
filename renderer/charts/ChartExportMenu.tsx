import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESETS } from '../../shared/export/exportSizes';
import { useServices } from '../workbench/services';
import { useWorkbench } from '../store/workbenchStore';
import { reportError } from '../workbench/actions/reportError';
import { exportChart, PNG_SCALES, presetSize, type ChartBuilder, type ChartExportFormat, type SizePreset } from './exportChart';
import './charts.css';

export interface ChartExportMenuProps {
  build: ChartBuilder;
  /** File name stem, e.g. the chart's title. */
  title: string;
  /** Size of the chart on screen right now (for the "current view" preset). */
  viewSize(): { width: number; height: number };
  /** A text button ("Export image") instead of the icon, where other export links stand beside it. */
  label?: string;
}

const PRESET_ORDER: SizePreset[] = ['slide16x9', 'slide4x3', 'view', 'custom'];

/**
 * Export menu for one chart: PNG 1×/2×/3×, SVG, copy to clipboard, at a size preset. Every export is
 * laid out again off-screen at the chosen size with the slide theme: never a screenshot, so no
 * tooltip, hover highlight or dark background ends up in the file.
 */
export function ChartExportMenu({ build, title, viewSize, label: buttonLabel }: ChartExportMenuProps) {
  const { t } = useTranslation();
  const { host, i18n } = useServices();
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState<SizePreset>('slide16x9');
  const [custom, setCustom] = useState({ width: 1200, height: 675 });
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const view = open ? viewSize() : { width: 0, height: 0 };
  const size = presetSize(preset, view, custom);

  const run = async (format: ChartExportFormat, scale: number) => {
    setBusy(true);
    try {
      const res = await exportChart(host, { build, title, format, size: { ...size, scale } });
      const store = useWorkbench.getState();
      if (format === 'clipboard') store.notify('info', t('export.chart.copied'));
      else if (res.saved) store.notify('info', t('export.saved', { file: res.path ?? '' }));
      setOpen(false);
    } catch (err) {
      reportError(i18n, err, 'export.failed');
    } finally {
      setBusy(false);
    }
  };

  const label = (p: SizePreset) => {
    if (p === 'slide16x9' || p === 'slide4x3') return t(`export.chart.preset.${p}`, { w: PRESETS[p].width, h: PRESETS[p].height });
    if (p === 'view') return t('export.chart.preset.view', { w: Math.round(view.width), h: Math.round(view.height) });
    return t('export.chart.preset.custom');
  };

  return (
    <div className="tn-export" ref={root}>
      <button
        type="button"
        className={buttonLabel ? 'tn-an-link' : 'icon-button'}
        title={t('export.chart.menu')}
        aria-label={buttonLabel ? undefined : t('export.chart.menu')}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="chart-export"
        onClick={() => setOpen((o) => !o)}
      >
        <span className={`codicon ${buttonLabel ? 'codicon-file-media' : 'codicon-export'}`} aria-hidden />
        {buttonLabel}
      </button>
      {open && (
        <div className="tn-export-popup" role="menu" data-testid="chart-export-menu">
          <div className="tn-export-heading">{t('export.chart.size')}</div>
          {PRESET_ORDER.map((p) => (
            <label key={p} className="tn-export-radio">
              <input type="radio" name="preset" checked={preset === p} onChange={() => setPreset(p)} data-preset={p} />
              {label(p)}
            </label>
          ))}
          {preset === 'custom' && (
            <div className="tn-export-custom">
              <input
                className="input"
                type="number"
                min={100}
                max={8000}
                value={custom.width}
                aria-label={t('export.chart.width')}
                onChange={(e) => setCustom((c) => ({ ...c, width: Number(e.target.value) }))}
              />
              <span>×</span>
              <input
                className="input"
                type="number"
                min={100}
                max={8000}
                value={custom.height}
                aria-label={t('export.chart.height')}
                onChange={(e) => setCustom((c) => ({ ...c, height: Number(e.target.value) }))}
              />
            </div>
          )}
          <div className="tn-export-sep" />
          {PNG_SCALES.map((s) => (
            <button key={s} type="button" role="menuitem" className="tn-export-item" disabled={busy} data-format={`png${s}`} onClick={() => void run('png', s)}>
              <span className="codicon codicon-file-media" aria-hidden />
              <span>{t('export.chart.png', { scale: s })}</span>
              <span className="tn-export-px">{t('export.chart.pixels', { w: size.width * s, h: size.height * s })}</span>
            </button>
          ))}
          <button type="button" role="menuitem" className="tn-export-item" disabled={busy} data-format="svg" onClick={() => void run('svg', 1)}>
            <span className="codicon codicon-file-code" aria-hidden />
            <span>{t('export.chart.svg')}</span>
          </button>
          <button type="button" role="menuitem" className="tn-export-item" disabled={busy} data-format="clipboard" onClick={() => void run('clipboard', 2)}>
            <span className="codicon codicon-copy" aria-hidden />
            <span>{t('export.chart.copy')}</span>
          </button>
        </div>
      )}
    </div>
  );
}
