// @vitest-environment jsdom
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { markerPath } from '@/components/charts/markers';
import { seriesStyle, TODAY_LINE } from '@/components/charts/palette';
import { emptyRating, type Assessment } from '@/domain/assessment';
import { allCriteria } from '@/domain/framework/lookups';
import { buildBoardPaper, type BoardPaper } from '@/domain/report/board-paper';
import { defaultTargets } from '@/domain/trajectory/trajectory';
import { radarChart, trajectoryChart, type ChartContext } from '@/features/board-paper/lib/charts';
import { shippedFramework as framework } from '../../../../support/framework';

const t = ((key: string) => key) as unknown as TFunction<'board-paper'>;

function paperFor(today: string): BoardPaper {
  const assessment = (id: string, asAt: string): Assessment => ({
    id,
    systemName: 'Northshire ICS',
    title: `Assessment ${id}`,
    asAt,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    basedOnId: null,
    status: { state: 'draft' },
    createdAt: 1,
    updatedAt: 1,
  });
  // Every characteristic at maturing, twice: all five series lie on one another.
  const rated = (id: string) =>
    allCriteria(framework).map((c) => ({
      ...emptyRating(id, c.id),
      level: 'maturing' as const,
      evidence: [{ id: 'e', text: 'Minutes', url: '' }],
    }));
  const earlier = assessment('a', '2019-06-01');
  const paper = buildBoardPaper({
    current: { assessment: assessment('b', '2020-06-01'), ratings: rated('b'), framework },
    others: [{ assessment: earlier, ratings: rated('a'), framework }],
    targets: defaultTargets(framework),
    actions: [],
    workshops: [],
    today,
  });
  if (paper.kind === 'empty') throw new Error('expected a paper');
  return paper;
}

const tStatus = ((key: string) => key) as unknown as TFunction<'status'>;
const ctx = (paper: BoardPaper): ChartContext => ({
  paper,
  t,
  tStatus,
  fontFamily: 'sans-serif',
});
const texts = (svg: SVGSVGElement) => [...svg.querySelectorAll('text')].map((n) => n.textContent);

describe('board paper trajectory chart', () => {
  it('draws Today and lists it in the key when today is after the plan period', () => {
    const { svg } = trajectoryChart(ctx(paperFor('2026-12-02')));
    const todayLines = [...svg.querySelectorAll('line')].filter(
      (l) =>
        l.getAttribute('stroke-dasharray') === TODAY_LINE.dash &&
        l.getAttribute('y1') !== l.getAttribute('y2'),
    );
    expect(todayLines).toHaveLength(1);
    expect(texts(svg)).toContain('charts.trajectory.today');
    expect(texts(svg)).toContain('2026');
  });

  it('puts each assessed value on its level gridline, with no offset per characteristic', () => {
    const { svg } = trajectoryChart(ctx(paperFor('2021-01-01')));
    const maturingLabel = [...svg.querySelectorAll('text')].find(
      (n) => n.textContent === framework.levels[2]!.title,
    )!;
    const gridY = Number(maturingLabel.getAttribute('y')) - 4;
    const circles = [...svg.querySelectorAll('path')].filter((p) =>
      p.getAttribute('d')!.includes('a4.5,4.5'),
    );
    // Series 0 (circle markers) at both assessments, plus its legend sample.
    expect(circles.length).toBeGreaterThanOrEqual(2);
    const onPlot = circles
      .slice(0, 2)
      .map((p) => /^M([\d.]+),([\d.]+)/.exec(p.getAttribute('d')!)!);
    for (const [, x, y] of onPlot) {
      expect(Number(y)).toBeCloseTo(gridY, 1);
      // Every other characteristic's marker is on exactly the same point, in its own shape.
      for (let i = 1; i < 5; i++) {
        const d = markerPath(seriesStyle(i).marker, Number(x) + 4.5, gridY, 9);
        expect([...svg.querySelectorAll('path')].some((p) => p.getAttribute('d') === d)).toBe(true);
      }
    }
  });
});

describe('board paper radar chart', () => {
  it('labels every characteristic with its level', () => {
    const paper = paperFor('2021-01-01');
    const all = texts(radarChart(ctx(paper)).svg).join(' ');
    for (const c of framework.characteristics) expect(all).toContain(c.title.split(' ')[0]);
    expect(all).toContain(`(${framework.levels[2]!.title})`);
  });
});
