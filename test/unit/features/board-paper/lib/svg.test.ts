// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { el, lines, SVG_NS, text, textWidth, wrap } from '@/features/board-paper/lib/svg';

describe('el', () => {
  it('makes an SVG element with its attributes and children, skipping nulls', () => {
    const node = el('g', { transform: 'translate(1,2)', opacity: 0.5 }, [
      el('rect', { width: 10 }),
      null,
      el('circle', { r: 3 }),
    ]);
    expect(node.namespaceURI).toBe(SVG_NS);
    expect(node.getAttribute('transform')).toBe('translate(1,2)');
    expect(node.getAttribute('opacity')).toBe('0.5');
    expect([...node.children].map((c) => c.tagName)).toEqual(['rect', 'circle']);
  });
});

describe('text and lines', () => {
  it('draws user text literally, never as markup, without control characters', () => {
    const node = text('<img src=x onerror=alert(1)>\u000bNorthshire', { x: 4 });
    expect(node.textContent).toBe('<img src=x onerror=alert(1)> Northshire');
    expect(node.children).toHaveLength(0);
    expect(node.getAttribute('x')).toBe('4');
    const markup = new XMLSerializer().serializeToString(node);
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(
      new DOMParser().parseFromString(markup, 'image/svg+xml').querySelector('parsererror'),
    ).toBeNull();
  });

  it('sets a default ink and weight that attributes can override', () => {
    expect(text('a').getAttribute('fill')).toBe('#212b32');
    expect(text('a', { fill: '#fff', 'font-weight': 'bold' }).getAttribute('font-weight')).toBe(
      'bold',
    );
  });

  it('puts one tspan per line, each a line height lower', () => {
    const node = lines(['First', 'Second\u0007', 'Third'], 10, 100, 16);
    const spans = [...node.querySelectorAll('tspan')];
    expect(spans.map((s) => s.textContent)).toEqual(['First', 'Second', 'Third']);
    expect(spans.map((s) => s.getAttribute('y'))).toEqual(['100', '116', '132']);
    expect(spans.every((s) => s.getAttribute('x') === '10')).toBe(true);
  });
});

describe('wrap', () => {
  it('breaks between words so no line is wider than the width', () => {
    // 120 px at 10 px: 20 characters a line.
    const result = wrap(
      'System architecture and strong financial management and planning',
      120,
      10,
    );
    expect(result).toEqual([
      'System architecture',
      'and strong financial',
      'management and',
      'planning',
    ]);
    for (const line of result) expect(textWidth(line, 10)).toBeLessThanOrEqual(120);
  });

  it('cuts a word longer than a line into pieces, and ignores extra spaces', () => {
    expect(wrap('  Supercalifragilisticexpialidocious   word ', 60, 10)).toEqual([
      'Supercalif',
      'ragilistic',
      'expialidoc',
      'ious word',
    ]);
    expect(wrap('', 100, 10)).toEqual([]);
  });

  it('ends the last kept line with an ellipsis when there are more lines than allowed', () => {
    const result = wrap('one two three four five six seven eight nine ten', 60, 10, 2);
    expect(result).toHaveLength(2);
    expect(result[1]!.endsWith('…')).toBe(true);
    expect(result[1]!.length).toBeLessThanOrEqual(10);
  });
});
