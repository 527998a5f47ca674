import { INK } from '@/components/charts/palette';
import { stripControlCharacters } from '@/domain/safe-text';

/**
 * A tiny SVG builder. Every string goes in through `textContent` or an attribute, never as markup,
 * so user text (a system name such as `<img src=x>`) is always drawn literally, and control
 * characters are stripped (XML does not allow them: the SVG behind a PNG would not load).
 */
export const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number>;

export function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  children: (SVGElement | null)[] = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) if (child) node.append(child);
  return node;
}

export function text(value: string, attrs: Attrs = {}): SVGTextElement {
  const node = el('text', { fill: INK, 'font-weight': 'normal', ...attrs });
  node.textContent = stripControlCharacters(value);
  return node;
}

/** Several lines of text, one `<tspan>` each, starting at (x, y). */
export function lines(
  values: readonly string[],
  x: number,
  y: number,
  lineHeight: number,
  attrs: Attrs = {},
) {
  const node = el('text', { fill: INK, 'font-weight': 'normal', ...attrs });
  values.forEach((value, index) => {
    const span = el('tspan', { x, y: y + index * lineHeight });
    span.textContent = stripControlCharacters(value);
    node.append(span);
  });
  return node;
}

/** Rough width of `value` at `size` px in Arial / Liberation Sans: enough to wrap and lay out labels. */
export function textWidth(value: string, size: number): number {
  return value.length * size * 0.6;
}

/** Splits `value` into lines no wider than `width` at `size` px, breaking between words. */
export function wrap(value: string, width: number, size: number, maxLines = Infinity): string[] {
  const perLine = Math.max(8, Math.floor(width / (size * 0.6)));
  const result: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const pieces =
      word.length > perLine ? (word.match(new RegExp(`.{1,${perLine}}`, 'gu')) ?? []) : [word];
    for (const piece of pieces) {
      if (line && line.length + 1 + piece.length > perLine) {
        result.push(line);
        line = piece;
      } else line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) result.push(line);
  if (result.length > maxLines) {
    const kept = result.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, perLine - 1)}…`;
    return kept;
  }
  return result;
}
