/**
 * A stand-in for the PNG step (src/features/board-paper/lib/png.ts), which jsdom cannot run: it
 * records which chart was drawn (by the first text in the SVG, its title) and gives a 1×1 PNG.
 * Kept apart from test/support/docx.ts, so a vi.mock factory importing it does not wait on the
 * module it mocks.
 */
/** A valid 1×1 PNG. */
const PIXEL = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);
export const drawnCharts: string[] = [];
export const pngStub = {
  chartToPng: async (chart: { svg: SVGSVGElement }) => {
    drawnCharts.push(chart.svg.querySelector('text')?.textContent ?? '');
    return new Blob([PIXEL], { type: 'image/png' });
  },
};
