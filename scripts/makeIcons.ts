/**
 * Renders build/icon.svg to the PNG icons electron-builder packs: build/icon.png (1024², macOS and
 * Windows; electron-builder derives .icns/.ico from it) and build/icons/<n>x<n>.png (Linux).
 * Run after editing the SVG: `npx tsx scripts/makeIcons.ts`. The PNGs are committed.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BUILD = join(import.meta.dirname, '..', 'build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function render(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

const svg = readFileSync(join(BUILD, 'icon.svg'), 'utf8');
writeFileSync(join(BUILD, 'icon.png'), render(svg, 1024));
mkdirSync(join(BUILD, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) writeFileSync(join(BUILD, 'icons', `${size}x${size}.png`), render(svg, size));
console.log(`icons written to ${BUILD}`);
