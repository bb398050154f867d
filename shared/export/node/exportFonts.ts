import { existsSync } from 'node:fs';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

const NOTO_CJK = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];
const LATIN = ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'];
const CJK_TEXT = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

type Fonts = NonNullable<ResvgRenderOptions['font']>;

/**
 * The SVG and fonts to rasterise it with. resvg shapes text with the ~20 MB Noto CJK collections
 * slowly (≈0.5 s per chart on a busy machine, against ≈0.1 s for drawing it), so text without
 * Chinese is set in Liberation Sans (Arial metrics, which ECharts' text layout assumes) and only
 * Chinese text uses Noto Sans CJK SC. If those font files are missing: all system fonts, unchanged SVG.
 */
export function exportFontSetup(svg: string): { svg: string; font: Fonts } {
  const cjk = CJK_TEXT.test(svg);
  const files = cjk ? [...LATIN, ...NOTO_CJK] : LATIN;
  if (!files.every((f) => existsSync(f))) return { svg, font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' } };
  const font: Fonts = { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' };
  if (!cjk) return { svg, font };
  // Chinese present: only the <text> elements without Chinese switch to Liberation Sans.
  const out = svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (whole, attrs: string, text: string) =>
    CJK_TEXT.test(text) ? whole : `<text${attrs.replace(/font-family:[^;"]*/, "font-family:'Liberation Sans', sans-serif")}>${text}</text>`,
  );
  return { svg: out, font };
}
