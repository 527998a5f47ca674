/**
 * Colour arithmetic for checking the chart palette: WCAG relative luminance and contrast, CIELAB
 * distance, and simulated colour-vision deficiency (Machado, Oliveira & Fernandes 2009, severity
 * 1.0, applied to linear RGB). Pure; used by the palette's tests, not at run time.
 */

type Rgb = readonly [number, number, number];
type Matrix = readonly [Rgb, Rgb, Rgb];

export const DEUTERANOPIA: Matrix = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];

export const PROTANOPIA: Matrix = [
  [0.152286, 1.052583, -0.204868],
  [0.114503, 0.786281, 0.099216],
  [-0.003882, -0.048116, 1.051998],
];

/** `#rrggbb` as 0–255 channels. */
export function parseHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

function toLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function linearRgb(hex: string): Rgb {
  const [r, g, b] = parseHex(hex);
  return [toLinear(r), toLinear(g), toLinear(b)];
}

function luminanceOfLinear([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  return luminanceOfLinear(linearRgb(hex));
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

function simulateLinear(rgb: Rgb, matrix: Matrix): Rgb {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [0, 1, 2].map((row) =>
    clamp(matrix[row]![0] * rgb[0] + matrix[row]![1] * rgb[1] + matrix[row]![2] * rgb[2]),
  ) as unknown as Rgb;
}

function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export type Vision = 'normal' | 'deuteranopia' | 'protanopia' | 'greyscale';

function seen(hex: string, vision: Vision): Rgb {
  const rgb = linearRgb(hex);
  switch (vision) {
    case 'normal':
      return rgb;
    case 'deuteranopia':
      return simulateLinear(rgb, DEUTERANOPIA);
    case 'protanopia':
      return simulateLinear(rgb, PROTANOPIA);
    case 'greyscale': {
      const y = luminanceOfLinear(rgb);
      return [y, y, y];
    }
  }
}

/** CIE76 ΔE between two colours as someone with `vision` sees them (≈2.3 is just noticeable). */
export function colourDistance(a: string, b: string, vision: Vision = 'normal'): number {
  const [l1, a1, b1] = lab(seen(a, vision));
  const [l2, a2, b2] = lab(seen(b, vision));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
