import type { TFunction } from 'i18next';
import type { LevelId } from '@/domain/levels';
import type { BoardPaper } from '@/domain/report/board-paper';
import { dayNumber } from '@/domain/trajectory/dates';
import {
  isWithin,
  linearScale,
  RANK_DOMAIN,
  RANK_TICKS,
  timeDomain,
  yearOf,
  yearTicks,
} from '@/components/charts/line-geometry';
import { markerPath } from '@/components/charts/markers';
import {
  BRAND,
  GRID,
  HEADING,
  INK,
  PANEL,
  LEVEL_FILLS,
  SECONDARY_TEXT as GREY,
  seriesStyle,
  STATUS_FILLS,
  TODAY_LINE,
  TRAJECTORY_LINES,
  WHITE,
  type MarkerShape,
} from '@/components/charts/palette';
import {
  labelTop,
  polarPoint,
  polygonPoints,
  ringValues,
  spokeLabel,
  type RadarFrame,
} from '@/components/charts/radar-geometry';
import { formatIsoDate } from '@/lib/format';
import { paperStatusText } from './labels';
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

export type ChartContext = {
  paper: BoardPaper;
  t: TFunction<'board-paper'>;
  tStatus: TFunction<'status'>;
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
    el('rect', { x: 0, y: 0, width: WIDTH, height, fill: WHITE }),
    el('rect', { x: 0, y: 0, width: WIDTH, height: 6, fill: BRAND }),
    text(title, { x: 24, y: 38, 'font-size': 22, 'font-weight': 'bold', fill: HEADING }),
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

type LegendItem = {
  label: string;
  colour: string;
  /** A filled box (the default) or a line sample with this dash pattern ('' solid). */
  line?: { dash: string; width?: number };
  marker?: MarkerShape;
  outline?: string | null;
};

/** A legend row: swatches or line samples (with their markers) and labels, wrapping onto rows. */
function legend(
  items: LegendItem[],
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
    if (item.line) {
      node.append(
        el('line', {
          x1: x,
          x2: x + 22,
          y1: cy,
          y2: cy,
          stroke: item.colour,
          'stroke-width': item.line.width ?? 2.5,
          ...(item.line.dash ? { 'stroke-dasharray': item.line.dash } : {}),
        }),
      );
    } else {
      node.append(
        el('rect', {
          x,
          y: cy - 7,
          width: 14,
          height: 14,
          fill: item.colour,
          ...(item.outline ? { stroke: item.outline, 'stroke-width': 1 } : {}),
        }),
      );
    }
    if (item.marker) node.append(marker(item.marker, x + 11, cy, item.colour));
    node.append(text(label, { x: x + 26, y: cy + 4.5 }));
    x += width;
  }
  return { node, height: (row + 1) * 22 + 12 };
}

/** A series marker: hollow, so markers of several series on one point all stay visible. */
function marker(shape: MarkerShape, x: number, y: number, colour: string): SVGPathElement {
  return el('path', {
    d: markerPath(shape, x, y, 9),
    fill: WHITE,
    stroke: colour,
    'stroke-width': 2,
  });
}

export function radarChart(ctx: ChartContext): Chart {
  const { paper, t } = ctx;
  const height = 680;
  const svg = frame(ctx, height, t('charts.radar.title'));
  const radar: RadarFrame = { cx: WIDTH / 2, cy: TOP + 270, radius: 190, max: 4 };
  const { cx, cy } = radar;
  const n = paper.radar.length;
  for (const ring of ringValues(radar)) {
    svg.append(
      el('polygon', {
        points: polygonPoints(radar, Array<number>(n).fill(ring)),
        fill: 'none',
        stroke: GRID,
      }),
    );
    svg.append(
      text(levelTitle(paper, paper.levels[ring - 1]?.id), {
        x: cx + 6,
        y: cy - (radar.radius * ring) / radar.max - 4,
        'font-size': 11,
        fill: GREY,
      }),
    );
  }
  paper.radar.forEach((entry, i) => {
    const [x, y] = polarPoint(radar, i, n, radar.max);
    svg.append(el('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: GRID }));
    const label = spokeLabel(radar, i, n, radar.radius * 0.14);
    const labelLines = wrap(entry.title, 170, 13, 3);
    const suffix =
      entry.value > 0
        ? levelTitle(paper, paper.levels[entry.value - 1]?.id)
        : t('levels.insufficient');
    const all = [...labelLines, `(${suffix})`];
    svg.append(
      lines(all, label.x, labelTop(label, all.length, 16), 16, {
        'text-anchor': label.anchor,
        'font-size': 13,
      }),
    );
  });
  const style = seriesStyle(0);
  svg.append(
    el('polygon', {
      points: polygonPoints(
        radar,
        paper.radar.map((entry) => entry.value),
      ),
      fill: style.colour,
      'fill-opacity': 0.2,
      stroke: style.colour,
      'stroke-width': 2.5,
    }),
  );
  for (const [i, entry] of paper.radar.entries()) {
    const [x, y] = polarPoint(radar, i, n, entry.value);
    svg.append(marker(style.marker, x, y, style.colour));
  }
  const key = legend(
    [{ label: paper.meta.title, colour: style.colour, line: { dash: '' }, marker: style.marker }],
    height - 70,
    t('charts.legend'),
  );
  svg.append(key.node);
  svg.append(text(t('charts.radar.scale'), { x: 24, y: height - 16, 'font-size': 12, fill: GREY }));
  return { svg, width: WIDTH, height };
}

/** A gridline and the level's title at each level 1–4 of a level (y) axis. */
function levelGridlines(
  svg: SVGSVGElement,
  paper: BoardPaper,
  y: (rank: number) => number,
  left: number,
  right: number,
): void {
  for (const rank of RANK_TICKS) {
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
}

export function trajectoryChart(ctx: ChartContext, compact = false): Chart {
  const { paper, t } = ctx;
  const trajectory = paper.trajectory;
  const legendItems: LegendItem[] = [
    ...paper.characteristics.map((c, i) => ({
      label: c.title,
      colour: seriesStyle(i).colour,
      line: { dash: TRAJECTORY_LINES.assessed.dash },
      marker: seriesStyle(i).marker,
    })),
    {
      label: t('charts.trajectory.planned'),
      colour: GREY,
      line: { dash: TRAJECTORY_LINES.planned.dash, width: 2 },
    },
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
  const domain = timeDomain(trajectory);
  const x = linearScale(domain, [left, right]);
  const y = linearScale(RANK_DOMAIN, [bottom, top]);
  levelGridlines(svg, paper, y, left, right);
  for (const day of yearTicks(domain)) {
    svg.append(el('line', { x1: x(day), x2: x(day), y1: top, y2: bottom, stroke: GRID }));
    svg.append(
      text(String(yearOf(day)), {
        x: x(day),
        y: bottom + 18,
        'text-anchor': 'middle',
        'font-size': 12,
      }),
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
  // The axis takes in today, so the line is drawn (and listed in the key) on every paper.
  const today = dayNumber(trajectory.today);
  if (isWithin(domain, today)) {
    svg.append(
      el('line', {
        x1: x(today),
        x2: x(today),
        y1: top,
        y2: bottom,
        stroke: TODAY_LINE.colour,
        'stroke-width': TODAY_LINE.width,
        'stroke-dasharray': TODAY_LINE.dash,
      }),
    );
    legendItems.push({
      label: t('charts.trajectory.today'),
      colour: TODAY_LINE.colour,
      line: { dash: TODAY_LINE.dash, width: TODAY_LINE.width },
    });
  }
  // Values are drawn where they are: series on the same level overlap, and their marker shapes
  // (hollow, one per characteristic) keep each of them visible.
  trajectory.characteristics.forEach((c, i) => {
    const style = seriesStyle(i);
    if (c.plan.length > 1) {
      svg.append(
        el('polyline', {
          points: c.plan.map((p) => `${x(dayNumber(p.date))},${y(p.rank)}`).join(' '),
          fill: 'none',
          stroke: style.colour,
          'stroke-width': TRAJECTORY_LINES.planned.width,
          'stroke-dasharray': TRAJECTORY_LINES.planned.dash,
        }),
      );
    }
    const assessed = c.points.filter((p) => p.level !== null);
    if (assessed.length > 1) {
      svg.append(
        el('polyline', {
          points: assessed
            .map((p) => `${x(dayNumber(p.date))},${y(levelRankOf(paper, p.level))}`)
            .join(' '),
          fill: 'none',
          stroke: style.colour,
          'stroke-width': TRAJECTORY_LINES.assessed.width,
        }),
      );
    }
  });
  trajectory.characteristics.forEach((c, i) => {
    const style = seriesStyle(i);
    for (const p of c.points) {
      if (p.level === null) continue;
      svg.append(
        marker(style.marker, x(dayNumber(p.date)), y(levelRankOf(paper, p.level)), style.colour),
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
        el('rect', {
          x,
          y,
          width,
          height: rowHeight - 10,
          fill: LEVEL_FILLS[level.id].fill,
          stroke: WHITE,
          'stroke-width': 1,
        }),
      );
      if (width > 16) {
        svg.append(
          text(String(count), {
            x: x + width / 2,
            y: y + 17,
            'text-anchor': 'middle',
            'font-size': 12,
            fill: LEVEL_FILLS[level.id].text,
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
          fill: INK,
        }),
      );
    }
  });
  const key = legend(
    paper.levels.map((l) => ({ label: l.title, colour: LEVEL_FILLS[l.id].fill })),
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
  const y = linearScale([0, 4], [bottom, top]);
  levelGridlines(svg, paper, y, left, right);
  svg.append(el('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: GREY }));
  const groups = comparison.comparison.characteristics;
  const band = (right - left) / Math.max(1, groups.length);
  // This assessment solid in the first series colour (as on the radar); the earlier one hollow.
  const current = seriesStyle(0);
  const previous = seriesStyle(1);
  const bars = [
    { fill: WHITE, stroke: previous.colour },
    { fill: current.colour, stroke: current.colour },
  ];
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
            fill: bars[j]!.fill,
            stroke: bars[j]!.stroke,
            'stroke-width': 2,
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
        colour: WHITE,
        outline: previous.colour,
      },
      {
        label: t('charts.comparison.series', {
          title: paper.meta.title,
          date: formatIsoDate(paper.meta.asAt),
        }),
        colour: current.colour,
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
      fill: HEADING,
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
    [t('meta.status'), paperStatusText(paper, t)],
  ];
  facts.forEach(([label, value], i) => {
    const x = 24 + (i % 2) * 380;
    const y = factsY + Math.floor(i / 2) * 30;
    svg.append(text(`${label}:`, { x, y, 'font-weight': 'bold', 'font-size': 13 }));
    svg.append(text(value!, { x: x + textWidth(`${label}: `, 13) + 6, y, 'font-size': 13 }));
  });
  const columns = [24, 330, 480];
  svg.append(el('rect', { x: 16, y: tableTop, width: WIDTH - 32, height: 28, fill: PANEL }));
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
        el('rect', {
          x: columns[1]!,
          y: y + 8,
          width: 12,
          height: 12,
          fill: LEVEL_FILLS[level].fill,
        }),
      );
    }
    svg.append(
      text(levelTitle(paper, level) || t('levels.insufficient'), {
        x: columns[1]! + (level ? 18 : 0),
        y: y + 18,
      }),
    );
    const status = STATUS_FILLS[c.status.status];
    svg.append(
      el('rect', {
        x: columns[2]!,
        y: y + 8,
        width: 12,
        height: 12,
        fill: status.fill,
        ...(status.outline ? { stroke: status.outline, 'stroke-width': 1 } : {}),
      }),
    );
    svg.append(
      lines(
        wrap(ctx.tStatus(`status.${c.status.status}`), WIDTH - 58 - columns[2]!, 13, 2),
        columns[2]! + 18,
        y + 18,
        16,
      ),
    );
  });
  const key = legend(
    paper.levels.map((l) => ({ label: l.title, colour: LEVEL_FILLS[l.id].fill })),
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
