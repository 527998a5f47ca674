import type { MarkerShape } from './palette';

/**
 * SVG path data for a series marker centred on (x, y), about `size` across. Shapes of equal area
 * look equally heavy, so the square and the diamond are a little smaller than their box.
 */
export function markerPath(shape: MarkerShape, x: number, y: number, size: number): string {
  const r = size / 2;
  const f = (n: number) => Math.round(n * 100) / 100;
  switch (shape) {
    case 'circle':
      return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
    case 'square': {
      const s = r * 0.9;
      return `M${f(x - s)},${f(y - s)}H${f(x + s)}V${f(y + s)}H${f(x - s)}Z`;
    }
    case 'diamond': {
      const s = r * 1.2;
      return `M${f(x)},${f(y - s)}L${f(x + s)},${f(y)}L${f(x)},${f(y + s)}L${f(x - s)},${f(y)}Z`;
    }
    case 'triangle': {
      const s = r * 1.15;
      return `M${f(x)},${f(y - s)}L${f(x + s)},${f(y + s * 0.8)}L${f(x - s)},${f(y + s * 0.8)}Z`;
    }
    case 'triangle-down': {
      const s = r * 1.15;
      return `M${f(x)},${f(y + s)}L${f(x + s)},${f(y - s * 0.8)}L${f(x - s)},${f(y - s * 0.8)}Z`;
    }
  }
}
