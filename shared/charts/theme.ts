import { SLIDE_FONT } from '../export/slideOption';

/**
 * Colours and type sizes every analysis chart takes, so one chart function serves the dark and light
 * workbench and slide export. Palette: colour-blind-safe (Okabe-Ito order), readable on both grounds.
 */
export interface ChartTheme {
  mode: 'dark' | 'light' | 'slide';
  background: string;
  text: string;
  mutedText: string;
  axisLine: string;
  gridLine: string;
  palette: string[];
  /** A/B/C class colours (good → weak). */
  classes: { A: string; B: string; C: string };
  positive: string;
  negative: string;
  /** Zone fills of the quadrant (translucent). */
  zones: { keep: string; concentrate: string; low: string; overkill: string };
  fontFamily: string;
  fontSize: { title: number; subtitle: number; axisName: number; axisLabel: number; label: number; legend: number };
}

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const baseSizes = { title: 16, subtitle: 12, axisName: 12, axisLabel: 11, label: 11, legend: 12 };

export const DARK_THEME: ChartTheme = {
  mode: 'dark',
  background: 'transparent',
  text: '#d4d4d4',
  mutedText: '#9d9d9d',
  axisLine: '#6b6b6b',
  gridLine: '#3a3a3a',
  palette: ['#4FC1FF', '#F2B45A', '#4EC9B0', '#D7A0E8', '#9CDCFE', '#F48771', '#DCDCAA', '#C8C8C8'],
  classes: { A: '#4FC1FF', B: '#9CDCFE', C: '#6b7a89' },
  positive: '#4EC9B0',
  negative: '#F48771',
  zones: { keep: 'rgba(78,201,176,0.12)', concentrate: 'rgba(244,135,113,0.16)', low: 'rgba(160,160,160,0.08)', overkill: 'rgba(242,180,90,0.12)' },
  fontFamily: "'Segoe UI', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif",
  fontSize: baseSizes,
};

export const LIGHT_THEME: ChartTheme = {
  ...DARK_THEME,
  mode: 'light',
  text: '#1f2328',
  mutedText: '#616161',
  axisLine: '#8a8a8a',
  gridLine: '#e5e5e5',
  palette: PALETTE,
  classes: { A: '#0072B2', B: '#56B4E9', C: '#b8c4ce' },
  positive: '#009E73',
  negative: '#D55E00',
  zones: { keep: 'rgba(0,158,115,0.10)', concentrate: 'rgba(213,94,0,0.12)', low: 'rgba(120,120,120,0.06)', overkill: 'rgba(230,159,0,0.10)' },
};

/** For 960×540 logical slides rendered at 2×: larger type so labels stay legible on a projector. */
export const SLIDE_THEME: ChartTheme = {
  ...LIGHT_THEME,
  mode: 'slide',
  background: '#ffffff',
  fontFamily: SLIDE_FONT,
  fontSize: { title: 22, subtitle: 14, axisName: 15, axisLabel: 14, label: 13, legend: 15 },
};

export function themeFor(mode: ChartTheme['mode']): ChartTheme {
  return mode === 'dark' ? DARK_THEME : mode === 'slide' ? SLIDE_THEME : LIGHT_THEME;
}
