/** One face of the font, loaded from a URL that never touches the network (data: or file:). */
export interface FontFace {
  readonly url: string;
  readonly weight: 400 | 700;
}

/**
 * The font official documents are printed in. Sizes in the layout are the conventional ones,
 * in TH Sarabun New points (body 16, title 29); `scale` says how much larger this font draws
 * at the same point size, so the printed glyphs come out the size an office expects.
 */
export interface OfficialFont {
  readonly family: string;
  readonly faces: readonly FontFace[];
  readonly scale: number;
}

const LOCAL_URL = /^(?:data:font\/(?:ttf|otf|woff2?);base64,[A-Za-z0-9+/]+=*|file:\/\/\/[^\s"'()\\]+)$/;
const FAMILY = /^[A-Za-z][A-Za-z0-9 -]*$/;

export class UnsafeFontError extends Error {}

/** Checked before the font goes into a style sheet: only local URLs and plain family names. */
export function assertLocalFont(font: OfficialFont): void {
  if (!FAMILY.test(font.family)) throw new UnsafeFontError(`Font family ${JSON.stringify(font.family)} is not a plain name.`);
  if (!(font.scale > 0)) throw new UnsafeFontError(`Font scale ${font.scale} is not positive.`);
  for (const face of font.faces) {
    if (!LOCAL_URL.test(face.url)) throw new UnsafeFontError(`Font URL ${face.url.slice(0, 40)}… is neither data: nor file:.`);
  }
}
