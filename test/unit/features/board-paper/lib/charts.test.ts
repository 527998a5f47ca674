// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  LEVEL_FILLS,
  SERIES,
  TODAY_LINE,
  TRAJECTORY_LINES,
  WHITE,
} from '@/components/charts/palette';
import {
  availableCharts,
  chartFor,
  comparisonChart,
  radarChart,
  spreadChart,
  summaryChart,
  trajectoryChart,
  type Chart,
  type ChartContext,
} from '@/features/board-paper/lib/charts';
import {
  boardPaperT,
  fullPaper,
  paperWorkshop,
  samplePaper,
  statusT,
} from '../../../../support/board-paper';

const t = boardPaperT();
const context = (paper = fullPaper()): ChartContext => ({
  paper,
  t,
  tStatus: statusT(),
  fontFamily: 'LiberationSans',
});
const texts = (chart: Chart): string[] =>
  [...chart.svg.querySelectorAll('text')].map((node) => node.textContent ?? '');
const allText = (chart: Chart): string => texts(chart).join(' | ');

/** Every chart stands alone: a sized SVG with a white background, title, system and date. */
function expectStandalone(chart: Chart, title: string): void {
  expect(chart.svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  expect(chart.svg.getAttribute('width')).toBe(String(chart.width));
  expect(chart.svg.getAttribute('height')).toBe(String(chart.height));
  expect(chart.svg.getAttribute('viewBox')).toBe(`0 0 ${chart.width} ${chart.height}`);
  expect(chart.svg.getAttribute('font-family')).toBe('LiberationSans');
  expect(chart.svg.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
  const words = texts(chart);
  expect(words[0]).toBe(title);
  expect(words).toContain('Northshire ICS');
  expect(words).toContain('Assessment now, as at 30 September 2019');
  expect(words).toContain('Key:');
}

describe('availableCharts', () => {
  it('offers only the charts whose data the paper has', () => {
    expect(availableCharts(samplePaper())).toEqual(['radar']);
    expect(availableCharts(fullPaper())).toEqual(['radar', 'trajectory', 'spread', 'comparison']);
  });
});

describe('radarChart', () => {
  it('plots one point per characteristic at its level, with each level named', () => {
    const chart = radarChart(context(samplePaper({}, 'developing')));
    expectStandalone(chart, 'Maturity profile');
    // One marker per characteristic, and one in the key.
    expect(chart.svg.querySelectorAll('path.marker, path[d*="a4.5,4.5"]')).toHaveLength(6);
    const polygons = chart.svg.querySelectorAll('polygon');
    // Four rings and the profile itself.
    expect(polygons).toHaveLength(5);
    const profile = [...polygons].at(-1)!.getAttribute('points')!.split(' ');
    expect(profile).toHaveLength(5);
    // The first characteristic points straight up, two rings (developing) from the centre.
    expect(profile[0]).toBe(`400,${390 - 190 / 2}`);
    expect(allText(chart)).toContain('(Developing)');
  });

  it('puts a characteristic without enough evidence at the centre and says so', () => {
    const chart = radarChart(context(samplePaper({}, 'developing')));
    const empty = samplePaper({}, 'developing');
    const paper = {
      ...empty,
      radar: empty.radar.map((r, i) => (i === 0 ? { ...r, value: 0 } : r)),
    };
    const drawn = radarChart(context(paper));
    expect(allText(drawn)).toContain('(Insufficient evidence)');
    expect(
      [...drawn.svg.querySelectorAll('polygon')].at(-1)!.getAttribute('points')!.split(' ')[0],
    ).toBe('400,390');
    expect(allText(chart)).not.toContain('(Insufficient evidence)');
  });

  it('draws a hostile system name as text', () => {
    const chart = radarChart(
      context(samplePaper({}, 'developing', { systemName: '<b>x</b> ICS' })),
    );
    expect(texts(chart)).toContain('<b>x</b> ICS');
    expect(chart.svg.querySelector('b')).toBeNull();
  });
});

describe('trajectoryChart', () => {
  it('draws the plan dashed, the assessments as points, years and today, with a key', () => {
    const chart = trajectoryChart(context());
    expectStandalone(chart, 'Trajectory against targets');
    const dashed = [...chart.svg.querySelectorAll('polyline')].filter(
      (p) => p.getAttribute('stroke-dasharray') === TRAJECTORY_LINES.planned.dash,
    );
    expect(dashed).toHaveLength(5);
    // Two assessments for each of the five characteristics, a marker each, plus five in the key.
    expect(chart.svg.querySelectorAll('path')).toHaveLength(15);
    const words = texts(chart);
    expect(words).toEqual(
      expect.arrayContaining(['2020', '2021', 'Planned path (dashed)', 'Today']),
    );
    expect(
      chart.svg.querySelector(`line[stroke-dasharray="${TODAY_LINE.dash}"][y1="130"]`),
    ).not.toBeNull();
  });

  it('is shorter when compact, and only a frame without a trajectory', () => {
    expect(trajectoryChart(context(), true).height).toBeLessThan(trajectoryChart(context()).height);
    const none = trajectoryChart(context(samplePaper()));
    expect(none.svg.querySelectorAll('polyline, path')).toHaveLength(0);
  });
});

describe('spreadChart', () => {
  it('draws a bar per level for each criterion rated at the workshop, and marks a split', () => {
    const chart = spreadChart(context());
    expectStandalone(chart, 'Workshop spread of ratings');
    const words = texts(chart);
    expect(words).toContain('Board workshop, 20 September 2019 – 2 participants');
    expect(words).toContain('Split');
    // One emerging and one maturing rating: two bars, each half the width of the plot.
    const bars = [...chart.svg.querySelectorAll('rect')].filter(
      (r) =>
        [LEVEL_FILLS.emerging.fill, LEVEL_FILLS.maturing.fill].includes(
          r.getAttribute('fill') ?? '',
        ) && r.getAttribute('height') === '24',
    );
    expect(bars).toHaveLength(2);
    expect(bars.map((b) => Number(b.getAttribute('width')))).toEqual([185, 185]);
  });

  it('has one row per rated criterion, and grows with them', () => {
    const oneRow = spreadChart(context());
    const twoRows = spreadChart(
      context(
        samplePaper({
          workshops: [
            paperWorkshop({
              ratings: [
                ...paperWorkshop().ratings,
                { participantId: 'p1', criterionId: 'care.phm', level: 'developing', note: '' },
              ],
            }),
          ],
        }),
      ),
    );
    expect(twoRows.height - oneRow.height).toBe(34);
  });
});

describe('comparisonChart', () => {
  it('draws the earlier and the current level side by side for each characteristic', () => {
    const chart = comparisonChart(context());
    expectStandalone(chart, 'Change since the previous assessment');
    const previous = chart.svg.querySelectorAll(
      `rect[fill="${WHITE}"][stroke="${SERIES[1]!.colour}"]`,
    );
    // (Leaving out the blue band along the top.)
    const current = [...chart.svg.querySelectorAll(`rect[fill="${SERIES[0]!.colour}"]`)].filter(
      (r) => r.getAttribute('y') !== '0',
    );
    // One legend swatch each, plus one bar per characteristic.
    expect(previous).toHaveLength(6);
    expect(current).toHaveLength(6);
    // Emerging before, developing now: the current bar is twice as tall.
    const height = (node: Element | undefined) => Number(node?.getAttribute('height'));
    expect(height(current[0])).toBeCloseTo(2 * height(previous[0]));
    expect(texts(chart)).toEqual(
      expect.arrayContaining([
        'Assessment before (31 March 2019)',
        'Assessment now (30 September 2019)',
      ]),
    );
  });
});

describe('summaryChart', () => {
  it('shows the headline, the facts and one row per characteristic', () => {
    const chart = summaryChart(context(samplePaper()), 'Overall: developing');
    expect(texts(chart)[0]).toBe('Board paper summary');
    const words = allText(chart);
    expect(words).toContain('Overall: developing');
    expect(words).toContain('Overall level:');
    expect(words).toContain('24 of 24');
    // Five rows, the overall level and the key.
    expect(texts(chart).filter((w) => w === 'Developing')).toHaveLength(7);
    expect(texts(chart).filter((w) => w === 'On track')).toHaveLength(5);
  });
});

describe('chartFor', () => {
  it('draws the chart named by its id', () => {
    for (const [id, title] of [
      ['radar', 'Maturity profile'],
      ['trajectory', 'Trajectory against targets'],
      ['spread', 'Workshop spread of ratings'],
      ['comparison', 'Change since the previous assessment'],
    ] as const) {
      expect(texts(chartFor(id, context()))[0]).toBe(title);
    }
  });
});
