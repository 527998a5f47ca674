import type { TFunction } from 'i18next';
import type { LevelId } from '@/domain/levels';
import type { BoardPaper } from '@/domain/report/board-paper';
import { dayNumber } from '@/domain/trajectory/dates';
import { formatIsoDate } from '@/lib/format';
import { el, lines, text, textWidth, wrap } from './svg';
import { levelTitle as titleOfLevel } from '@/domain/framework/lookups';

/**
 * The paper's charts as standalone SVG: title, system, assessment and date, and the legend are
 * all inside the drawing, so the same SVG goes into the PDF (svg2pdf, as vectors), onto a canvas
 * for a PNG, and onto the print view. Every chart has a data table next to it on screen.
 */

export const CHART_IDS = ['radar', 'trajectory', 'spread', 'comparison'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export type Chart = { svg: SVGSVGElement; width: number; height: number };

export const WIDTH = 800;
const INK = '#212b32';
const GREY = '#4c6272';
const GRID = '#d8dde0';
const BLUE = '#005eb8';
export const SERIES_COLOURS = ['#005eb8', '#007f3b', '#330072', '#7c2855', '#ed8b00'];
const LEVEL_COLOURS: Record<LevelId, string> = {
  emerging: '#d5281b',
  developing: '#ed8b00',
  maturing: '#78be20',
  thriving: '#007f3b',
};

export type ChartContext = {
  paper: BoardPaper;
  t: TFunction<'board-paper'>;
  fontFamily: string;
};

/** Which charts this paper can draw: the ones whose data exists. */
export function availableCharts(paper: BoardPaper): ChartId[] {
  return CHART_IDS.filter(
    (id) =>
      (id !== 'trajectory' || paper.trajectory !== null) &&
      (id !== 'spread' || paper.workshops.some((w) => w.spreads.length > 0)) &&
      (id !== 'comparison' || paper.comparison !== null),
  );
}

function levelTitle(paper: BoardPaper, id: LevelId | null | undefined): string {
  return titleOfLevel(paper, id) ?? '';
}

function frame(ctx: ChartContext, height: number, title: string): SVGSVGElement {
  const { paper, t } = ctx;
  const svg = el('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: WIDTH,
    height,
    viewBox: `0 0 ${WIDTH} ${height}`,
    'font-family': ctx.fontFamily,
    'font-size': 13,
  });
  svg.append(
    el('rect', { x: 0, y: 0, width: WIDTH, height, fill: '#ffffff' }),
    el('rect', { x: 0, y: 0, width: WIDTH, height: 6, fill: BLUE }),
    text(title, { x: 24, y: 38, 'font-size': 22, 'font-weight': 'bold', fill: '#003087' }),
    lines(wrap(paper.meta.systemName, WIDTH - 48, 16, 2), 24, 64, 20, {
      'font-size': 16,
      'font-weight': 'bold',
    }),
  );
  const subtitleY = paper.meta.systemName.length > 80 ? 104 : 86;
  svg.append(
    text(
      t('charts.subtitle', {
        title: paper.meta.title,
        date: formatIsoDate(paper.meta.asAt),
      }),
      { x: 24, y: subtitleY, 'font-size': 13, fill: GREY },
    ),
  );
  return svg;
}

const TOP = 120;

/** A legend row: coloured swatches (or line samples) with labels, wrapping onto more rows. */
function legend(
  items: { label: string; colour: string; kind?: 'box' | 'line' | 'dash' | 'dot' }[],
  y: number,
  heading: string,
): { node: SVGGElement; height: number } {
  const node = el('g', {});
  node.append(text(heading, { x: 24, y: y + 14, 'font-weight': 'bold' }));
  let x = 24 + textWidth(heading, 13) + 16;
  let row = 0;
  for (const item of items) {
    const label = item.label.length > 72 ? `${item.label.slice(0, 71)}…` : item.label;
    const width = 28 + textWidth(label, 13) + 18;
    if (x + width > WIDTH - 16 && x > 140) {
      row += 1;
      x = 40;
    }
    const cy = y + row * 22 + 10;
    if (item.kind === 'line' || item.kind === 'dash' || item.kind === 'dot') {
      node.append(
        el('line', {
          x1: x,
          x2: x + 20,
          y1: cy,
          y2: cy,
          stroke: item.colour,
          'stroke-width': 3,
          ...(item.kind === 'dash' ? { 'stroke-dasharray': '6 3' } : {}),
          ...(item.kind === 'dot' ? { 'stroke-dasharray': '2 3' } : {}),
        }),
      );
    } else {
      node.append(el('rect', { x, y: cy - 7, width: 14, height: 14, fill: item.colour }));
    }
    node.append(text(label, { x: x + 26, y: cy + 4.5 }));
    x += width;
  }
  return { node, height: (row + 1) * 22 + 12 };
}

export function radarChart(ctx: ChartContext): Chart {
  const { paper, t } = ctx;
  const height = 680;
  const svg = frame(ctx, height, t('charts.radar.title'));
  const cx = WIDTH / 2;
  const cy = TOP + 270;
  const radius = 190;
  const n = paper.radar.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const point = (i: number, value: number): [number, number] => [
    cx + (radius * value * Math.cos(angle(i))) / 4,
    cy + (radius * value * Math.sin(angle(i))) / 4,
  ];
  for (let ring = 1; ring <= 4; ring++) {
    const pts = paper.radar.map((_, i) => point(i, ring).join(',')).join(' ');
    svg.append(el('polygon', { points: pts, fill: 'none', stroke: GRID }));
    svg.append(
      text(levelTitle(paper, paper.levels[ring - 1]?.id), {
        x: cx + 6,
        y: cy - (radius * ring) / 4 - 4,
        'font-size': 11,
        fill: GREY,
      }),
    );
  }
  paper.radar.forEach((entry, i) => {
    const [x, y] = point(i, 4);
    svg.append(el('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: GRID }));
    const [lx, ly] = point(i, 4.55);
    const isVertical = Math.abs(lx - cx) < 10;
    const anchor = isVertical ? 'middle' : lx > cx ? 'start' : 'end';
    const labelLines = wrap(entry.title, 170, 13, 3);
    const count = labelLines.length + 1;
    // Above the top axis, below the bottom one, centred on the others.
    const firstY = isVertical
      ? ly < cy
        ? ly - (count - 1) * 16
        : ly + 6
      : ly - ((count - 1) * 16) / 2;
    const suffix =
      entry.value > 0
        ? levelTitle(paper, paper.levels[entry.value - 1]?.id)
        : t('levels.insufficient');
    svg.append(
      lines([...labelLines, `(${suffix})`], lx, firstY, 16, {
        'text-anchor': anchor,
        'font-size': 13,
      }),
    );
  });
  const pts = paper.radar.map((entry, i) => point(i, entry.value).join(',')).join(' ');
  svg.append(
    el('polygon', {
      points: pts,
      fill: BLUE,
      'fill-opacity': 0.25,
      stroke: BLUE,
      'stroke-width': 2.5,
    }),
  );
  for (const [i, entry] of paper.radar.entries()) {
    const [x, y] = point(i, entry.value);
    svg.append(el('circle', { cx: x, cy: y, r: 4, fill: BLUE }));
  }
  const key = legend([{ label: paper.meta.title, colour: BLUE }], height - 70, t('charts.legend'));
  svg.append(key.node);
  svg.append(text(t('charts.radar.scale'), { x: 24, y: height - 16, 'font-size': 12, fill: GREY }));
  return { svg, width: WIDTH, height };
}

export function trajectoryChart(ctx: ChartContext, compact = false): Chart {
  const { paper, t } = ctx;
  const trajectory = paper.trajectory;
  const legendItems = [
    ...paper.characteristics.map((c, i) => ({
      label: c.title,
      colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
      kind: 'line' as const,
    })),
    { label: t('charts.trajectory.planned'), colour: GREY, kind: 'dash' as const },
    { label: t('charts.trajectory.today'), colour: '#d5281b', kind: 'line' as const },
  ];
  const plotHeight = compact ? 200 : 280;
  const legendHeight = 110;
  const height = TOP + plotHeight + 40 + legendHeight;
  const svg = frame(ctx, height, t('charts.trajectory.title'));
  if (!trajectory) return { svg, width: WIDTH, height };
  const left = 120;
  const right = WIDTH - 30;
  const top = TOP + 10;
  const bottom = top + plotHeight;
  const from = dayNumber(trajectory.start) - 30;
  const to = dayNumber(trajectory.end) + 30;
  const x = (day: number) => left + ((day - from) / (to - from)) * (right - left);
  const y = (rank: number) => bottom - ((rank - 0.5) / 4) * (bottom - top);
  for (let rank = 1; rank <= 4; rank++) {
    svg.append(el('line', { x1: left, x2: right, y1: y(rank), y2: y(rank), stroke: GRID }));
    svg.append(
      text(levelTitle(paper, paper.levels[rank - 1]?.id), {
        x: left - 8,
        y: y(rank) + 4,
        'text-anchor': 'end',
        'font-size': 12,
      }),
    );
  }
  const firstYear = new Date(from * 86_400_000).getUTCFullYear() + 1;
  const lastYear = new Date(to * 86_400_000).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const day = dayNumber(`${year}-01-01`);
    svg.append(el('line', { x1: x(day), x2: x(day), y1: top, y2: bottom, stroke: GRID }));
    svg.append(
      text(String(year), { x: x(day), y: bottom + 18, 'text-anchor': 'middle', 'font-size': 12 }),
    );
  }
  svg.append(
    el('rect', {
      x: left,
      y: top,
      width: right - left,
      height: bottom - top,
      fill: 'none',
      stroke: GREY,
    }),
  );
  const today = dayNumber(trajectory.today);
  if (today >= from && today <= to) {
    svg.append(
      el('line', {
        x1: x(today),
        x2: x(today),
        y1: top,
        y2: bottom,
        stroke: '#d5281b',
        'stroke-width': 2,
      }),
    );
  }
  trajectory.characteristics.forEach((c, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    // A small vertical offset per characteristic keeps equal levels from hiding each other.
    const offset = (i - 2) * 2.5;
    if (c.plan.length > 1) {
      svg.append(
        el('polyline', {
          points: c.plan.map((p) => `${x(dayNumber(p.date))},${y(p.rank) + offset}`).join(' '),
          fill: 'none',
          stroke: colour,
          'stroke-width': 1.5,
          'stroke-dasharray': '6 3',
        }),
      );
    }
    const assessed = c.points.filter((p) => p.level !== null);
    if (assessed.length > 1) {
      svg.append(
        el('polyline', {
          points: assessed
            .map((p) => `${x(dayNumber(p.date))},${y(levelRankOf(paper, p.level)) + offset}`)
            .join(' '),
          fill: 'none',
          stroke: colour,
          'stroke-width': 2.5,
        }),
      );
    }
    for (const p of assessed) {
      svg.append(
        el('circle', {
          cx: x(dayNumber(p.date)),
          cy: y(levelRankOf(paper, p.level)) + offset,
          r: 4.5,
          fill: colour,
        }),
      );
    }
  });
  const key = legend(legendItems, bottom + 34, t('charts.legend'));
  svg.append(key.node);
  return { svg, width: WIDTH, height };
}

function levelRankOf(paper: BoardPaper, level: LevelId | null): number {
  return paper.levels.findIndex((l) => l.id === level) + 1;
}

export function spreadChart(ctx: ChartContext): Chart {
  const { paper, t } = ctx;
  const workshop = paper.workshops.find((w) => w.spreads.length > 0);
  const rows = workshop?.spreads ?? [];
  const rowHeight = 34;
  const height = TOP + 40 + rows.length * rowHeight + 80;
  const svg = frame(ctx, height, t('charts.spread.title'));
  if (!workshop) return { svg, width: WIDTH, height };
  svg.append(
    text(
      t('charts.spread.workshop', {
        title: workshop.title,
        date: formatIsoDate(workshop.date),
        count: workshop.participants.length,
      }),
      { x: 24, y: TOP + 6, 'font-size': 13 },
    ),
  );
  const left = 340;
  const right = WIDTH - 90;
  const max = Math.max(1, ...rows.map((r) => r.spread.count));
  rows.forEach((row, index) => {
    const y = TOP + 30 + index * rowHeight;
    svg.append(lines(wrap(row.title, left - 40, 12, 2), 24, y + 10, 14, { 'font-size': 12 }));
    let x = left;
    for (const level of paper.levels) {
      const count = row.spread.counts[level.id];
      if (count === 0) continue;
      const width = (count / max) * (right - left);
      svg.append(
        el('rect', { x, y, width, height: rowHeight - 10, fill: LEVEL_COLOURS[level.id] }),
      );
      if (width > 16) {
        svg.append(
          text(String(count), {
            x: x + width / 2,
            y: y + 17,
            'text-anchor': 'middle',
            'font-size': 12,
            fill: level.id === 'maturing' || level.id === 'developing' ? INK : '#ffffff',
          }),
        );
      }
      x += width;
    }
    if (row.spread.isSplit) {
      svg.append(
        text(t('charts.spread.split'), {
          x: x + 8,
          y: y + 17,
          'font-size': 12,
          'font-weight': 'bold',
          fill: '#d5281b',
        }),
      );
    }
  });
  const key = legend(
    paper.levels.map((l) => ({ label: l.title, colour: LEVEL_COLOURS[l.id] })),
    height - 56,
    t('charts.legend'),
  );
  svg.append(key.node);
  return { svg, width: WIDTH, height };
}

export function comparisonChart(ctx: ChartContext): Chart {
  const { paper, t } = ctx;
  const height = 560;
  const svg = frame(ctx, height, t('charts.comparison.title'));
  const comparison = paper.comparison;
  if (!comparison) return { svg, width: WIDTH, height };
  const left = 110;
  const right = WIDTH - 24;
  const top = TOP + 10;
  const bottom = top + 260;
  const y = (rank: number) => bottom - (rank / 4) * (bottom - top);
  for (let rank = 1; rank <= 4; rank++) {
    svg.append(el('line', { x1: left, x2: right, y1: y(rank), y2: y(rank), stroke: GRID }));
    svg.append(
      text(levelTitle(paper, paper.levels[rank - 1]?.id), {
        x: left - 8,
        y: y(rank) + 4,
        'text-anchor': 'end',
        'font-size': 12,
      }),
    );
  }
  svg.append(el('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: GREY }));
  const groups = comparison.comparison.characteristics;
  const band = (right - left) / Math.max(1, groups.length);
  const colours = ['#aeb7bd', BLUE];
  groups.forEach((row, i) => {
    const levels = [row.levels[0], row.levels[row.levels.length - 1]];
    levels.forEach((level, j) => {
      const rank = level ? levelRankOf(paper, level) : 0;
      const bx = left + i * band + band * 0.18 + j * band * 0.32;
      if (rank > 0) {
        svg.append(
          el('rect', {
            x: bx,
            y: y(rank),
            width: band * 0.3,
            height: bottom - y(rank),
            fill: colours[j]!,
          }),
        );
      } else {
        svg.append(
          text('–', { x: bx + band * 0.15, y: bottom - 6, 'text-anchor': 'middle', fill: GREY }),
        );
      }
    });
    svg.append(
      lines(wrap(row.title, band - 8, 12, 4), left + i * band + band / 2, bottom + 18, 14, {
        'text-anchor': 'middle',
        'font-size': 12,
      }),
    );
  });
  const key = legend(
    [
      {
        label: t('charts.comparison.series', {
          title: comparison.previous.title,
          date: formatIsoDate(comparison.previous.asAt),
        }),
        colour: colours[0]!,
      },
      {
        label: t('charts.comparison.series', {
          title: paper.meta.title,
          date: formatIsoDate(paper.meta.asAt),
        }),
        colour: colours[1]!,
      },
    ],
    height - 76,
    t('charts.legend'),
  );
  svg.append(key.node);
  return { svg, width: WIDTH, height };
}

/** The one-page summary as a picture for slides: headline, facts, the five characteristics. */
export function summaryChart(ctx: ChartContext, headline: string): Chart {
  const { paper, t } = ctx;
  const headlineLines = wrap(headline, WIDTH - 48, 16, 4);
  const rowHeight = 44;
  const tableTop = TOP + 30 + headlineLines.length * 22 + 70;
  const height = tableTop + 30 + paper.summary.characteristics.length * rowHeight + 90;
  const svg = frame(ctx, height, t('charts.summaryTitle'));
  svg.append(
    lines(headlineLines, 24, TOP + 14, 22, {
      'font-size': 16,
      'font-weight': 'bold',
      fill: '#003087',
    }),
  );
  const factsY = TOP + 30 + headlineLines.length * 22;
  const facts = [
    [t('meta.overall'), levelTitle(paper, paper.score.overall) || t('levels.insufficient')],
    [t('meta.mature'), paper.score.isMature ? t('meta.matureYes') : t('meta.matureNo')],
    [
      t('meta.coverage'),
      t('meta.coverageValue', {
        assessed: paper.score.assessedCount,
        total: paper.score.criteriaCount,
      }),
    ],
    [t('meta.status'), t(`meta.statusValue.${paper.meta.status}`)],
  ];
  facts.forEach(([label, value], i) => {
    const x = 24 + (i % 2) * 380;
    const y = factsY + Math.floor(i / 2) * 30;
    svg.append(text(`${label}:`, { x, y, 'font-weight': 'bold', 'font-size': 13 }));
    svg.append(text(value!, { x: x + textWidth(`${label}: `, 13) + 6, y, 'font-size': 13 }));
  });
  const columns = [24, 330, 480];
  svg.append(el('rect', { x: 16, y: tableTop, width: WIDTH - 32, height: 28, fill: '#e8edee' }));
  [t('summary.characteristic'), t('summary.level'), t('summary.againstTarget')].forEach(
    (label, i) =>
      svg.append(text(label, { x: columns[i]!, y: tableTop + 19, 'font-weight': 'bold' })),
  );
  paper.summary.characteristics.forEach((c, index) => {
    const y = tableTop + 28 + index * rowHeight;
    svg.append(
      el('line', { x1: 16, x2: WIDTH - 16, y1: y + rowHeight, y2: y + rowHeight, stroke: GRID }),
    );
    svg.append(lines(wrap(c.title, 290, 13, 2), columns[0]!, y + 18, 16));
    const level = c.level;
    if (level) {
      svg.append(
        el('rect', { x: columns[1]!, y: y + 8, width: 12, height: 12, fill: LEVEL_COLOURS[level] }),
      );
    }
    svg.append(
      text(levelTitle(paper, level) || t('levels.insufficient'), {
        x: columns[1]! + (level ? 18 : 0),
        y: y + 18,
      }),
    );
    svg.append(
      lines(
        wrap(t(`status.${c.status.status}`), WIDTH - 40 - columns[2]!, 13, 2),
        columns[2]!,
        y + 18,
        16,
      ),
    );
  });
  const key = legend(
    paper.levels.map((l) => ({ label: l.title, colour: LEVEL_COLOURS[l.id] })),
    height - 60,
    t('charts.legend'),
  );
  svg.append(key.node);
  return { svg, width: WIDTH, height };
}

export function chartFor(id: ChartId, ctx: ChartContext): Chart {
  switch (id) {
    case 'radar':
      return radarChart(ctx);
    case 'trajectory':
      return trajectoryChart(ctx);
    case 'spread':
      return spreadChart(ctx);
    case 'comparison':
      return comparisonChart(ctx);
  }
}
