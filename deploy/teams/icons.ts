import { PNG } from 'pngjs';

/** The accent colour of the app (NHS blue); the manifest's accentColor is the same. */
export const ACCENT = { r: 0x00, g: 0x5e, b: 0xb8 } as const;

// "UCP" in a 3×5 pixel font: drawn from squares, so both icons stay crisp with no anti-aliasing to blur the outline's edges.
const GLYPHS: readonly (readonly string[])[] = [
  ['#.#', '#.#', '#.#', '#.#', '###'],
  ['###', '#..', '#..', '#..', '###'],
  ['###', '#.#', '###', '#..', '#..'],
];

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };
const CLEAR: Rgba = { r: 0, g: 0, b: 0, a: 0 };

/** The 192×192 full-colour icon: white "UCP" on an NHS-blue rounded square; used by the app package. */
export function colorIcon(): Buffer {
  const size = 192;
  const png = blank(size, CLEAR);
  fillRoundedSquare(png, 0, size, 36, { ...ACCENT, a: 255 });
  drawWord(png, 14, WHITE);
  return PNG.sync.write(png);
}

/** The 32×32 outline icon: white "UCP" in a white rounded frame, everything else fully transparent (Teams' rule). */
export function outlineIcon(): Buffer {
  const size = 32;
  const png = blank(size, CLEAR);
  fillRoundedSquare(png, 0, size, 6, WHITE);
  fillRoundedSquare(png, 2, size - 4, 4, CLEAR);
  drawWord(png, 2, WHITE);
  return PNG.sync.write(png);
}

function blank(size: number, colour: Rgba): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y += 1) for (let x = 0; x < size; x += 1) set(png, x, y, colour);
  return png;
}

/** A square of side `side` at (offset, offset) with corners cut on a circle of `radius`. */
function fillRoundedSquare(png: PNG, offset: number, side: number, radius: number, colour: Rgba): void {
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const cx = Math.min(Math.max(x + 0.5, radius), side - radius);
      const cy = Math.min(Math.max(y + 0.5, radius), side - radius);
      if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius ** 2) set(png, offset + x, offset + y, colour);
    }
  }
}

/** The three glyphs, each cell `scale` pixels, one cell apart, centred. */
function drawWord(png: PNG, scale: number, colour: Rgba): void {
  const columns = GLYPHS.length * 3 + (GLYPHS.length - 1);
  const left = Math.floor((png.width - columns * scale) / 2);
  const top = Math.floor((png.height - 5 * scale) / 2);
  GLYPHS.forEach((rows, index) => {
    rows.forEach((row, gy) => {
      [...row].forEach((cell, gx) => {
        if (cell !== '#') return;
        const x0 = left + (index * 4 + gx) * scale;
        const y0 = top + gy * scale;
        for (let y = y0; y < y0 + scale; y += 1) for (let x = x0; x < x0 + scale; x += 1) set(png, x, y, colour);
      });
    });
  });
}

function set(png: PNG, x: number, y: number, { r, g, b, a }: Rgba): void {
  const i = (y * png.width + x) * 4;
  png.data[i] = r;
  png.data[i + 1] = g;
  png.data[i + 2] = b;
  png.data[i + 3] = a;
}
