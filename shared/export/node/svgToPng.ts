import { Resvg } from '@resvg/resvg-js';

/** Rasterise an export SVG at `scale` × its logical size with system fonts (Noto CJK for Chinese). */
export function svgToPng(svg: string, scale: number, background?: string): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background,
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' },
  });
  return resvg.render().asPng();
}
