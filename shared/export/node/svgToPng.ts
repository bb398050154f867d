import { Resvg } from '@resvg/resvg-js';
import { exportFontSetup } from './exportFonts';

/** Rasterise an export SVG at `scale` × its logical size with system fonts (Noto CJK for Chinese). */
export function svgToPng(svg: string, scale: number, background?: string): Uint8Array {
  const setup = exportFontSetup(svg);
  const resvg = new Resvg(setup.svg, {
    fitTo: { mode: 'zoom', value: scale },
    background,
    font: setup.font,
  });
  return resvg.render().asPng();
}
