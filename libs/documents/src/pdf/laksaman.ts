import { readFile } from 'node:fs/promises';
import type { OfficialFont } from '../render/official-font';

/**
 * Laksaman is TLWG's release of TH Sarabun New, the government's document font, from Debian's
 * fonts-tlwg-laksaman-ttf (scripts/system-packages.sh). TLWG enlarged the outlines to match
 * Latin fonts: its advances (ก 580, ม 601, space 324, 0 544 per 1000) are 1.5 times TH
 * SarabunPSK's (386, 400, 216, 362), so the conventional 16 pt is printed at 16/1.5 pt (ADR 0006).
 */
export const LAKSAMAN_DIR = '/usr/share/fonts/truetype/tlwg';
export const OFFICIAL_FONT_FAMILY = 'Kasian Sarabun';
export const LAKSAMAN_SCALE = 1.5;

async function dataUrl(path: string): Promise<string> {
  return `data:font/ttf;base64,${(await readFile(path)).toString('base64')}`;
}

/** The font with both faces inlined as data: URLs, so a printed page never fetches anything. */
export async function loadLaksaman(dir = LAKSAMAN_DIR): Promise<OfficialFont> {
  const [regular, bold] = await Promise.all([dataUrl(`${dir}/Laksaman.ttf`), dataUrl(`${dir}/Laksaman-Bold.ttf`)]);
  return {
    family: OFFICIAL_FONT_FAMILY,
    scale: LAKSAMAN_SCALE,
    faces: [
      { url: regular, weight: 400 },
      { url: bold, weight: 700 },
    ],
  };
}
