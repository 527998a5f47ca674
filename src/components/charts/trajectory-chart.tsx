import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { isWithin, RANK_DOMAIN, RANK_TICKS, yearOf, yearTicks, type Domain } from './line-geometry';
import {
  GRID,
  INK,
  MILESTONE_LINE,
  SECONDARY_TEXT,
  seriesStyle,
  TODAY_LINE,
  TRAJECTORY_LINES,
} from './palette';
import { SeriesKey, type KeyItem } from './series-key';
import { markerDot } from './series-marker';

/** A point of a line: x a UTC day number, y a level rank (1–4, fractional on a path). */
export type XY = { x: number; y: number };

export type TrajectorySeries = {
  id: string;
  name: string;
  /** Position in the framework: picks the series' colour and marker shape. */
  index: number;
  assessed: XY[];
  planned: XY[];
  projected: XY[];
};

export type TrajectoryMilestone = { day: number; number: number; text: string };

type TrajectoryChartProps = {
  series: TrajectorySeries[];
  domain: Domain;
  today: number;
  levelTitles: string[];
  milestones: TrajectoryMilestone[];
  labels: { planned: string; projected: string; today: string };
};

function MilestoneLabel(props: {
  viewBox?: { x?: number; y?: number };
  number: number;
  text: string;
}) {
  const x = props.viewBox?.x ?? 0;
  const y = (props.viewBox?.y ?? 0) + 12;
  return (
    <g>
      <title>{props.text}</title>
      <text x={x + 3} y={y} fontSize={11} fill={SECONDARY_TEXT}>
        {props.number}
      </text>
    </g>
  );
}

/**
 * Levels over time: per characteristic the assessed levels (solid, with the characteristic's
 * marker shape), the planned path (dashed) and the projection at the current pace (dotted);
 * numbered framework milestones and today. Values are drawn where they are, never offset: where
 * characteristics coincide, their hollow markers of different shapes show each of them.
 * Loaded lazily; the screen carries every figure in a table as well.
 */
export function TrajectoryChart({
  series,
  domain,
  today,
  levelTitles,
  milestones,
  labels,
}: TrajectoryChartProps) {
  const showToday = isWithin(domain, today);
  const key: KeyItem[] = [
    ...series.map((s) => ({
      name: s.name,
      colour: seriesStyle(s.index).colour,
      dash: TRAJECTORY_LINES.assessed.dash,
      marker: seriesStyle(s.index).marker,
    })),
    { name: labels.planned, colour: SECONDARY_TEXT, dash: TRAJECTORY_LINES.planned.dash, width: 2 },
    {
      name: labels.projected,
      colour: SECONDARY_TEXT,
      dash: TRAJECTORY_LINES.projected.dash,
      width: 2,
    },
    ...(showToday
      ? [
          {
            name: labels.today,
            colour: TODAY_LINE.colour,
            dash: TODAY_LINE.dash,
            width: TODAY_LINE.width,
          },
        ]
      : []),
  ];
  return (
    <div className="trajectory-chart">
      <LineChart
        responsive
        style={{ width: '100%', aspectRatio: 1.8, minHeight: 260 }}
        margin={{ top: 20, right: 24, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={GRID} />
        <XAxis
          type="number"
          dataKey="x"
          domain={[...domain]}
          ticks={yearTicks(domain)}
          allowDataOverflow
          tickFormatter={(day: number) => String(yearOf(day))}
          tick={{ fontSize: 12, fill: INK }}
        />
        <YAxis
          type="number"
          domain={[...RANK_DOMAIN]}
          ticks={[...RANK_TICKS]}
          width={84}
          tickFormatter={(rank: number) => levelTitles[rank - 1] ?? ''}
          tick={{ fontSize: 12, fill: INK }}
        />
        {milestones
          .filter((m) => isWithin(domain, m.day))
          .map((m) => (
            <ReferenceLine
              key={`${m.day}-${m.number}`}
              x={m.day}
              stroke={MILESTONE_LINE.colour}
              strokeDasharray={MILESTONE_LINE.dash}
              label={<MilestoneLabel number={m.number} text={m.text} />}
            />
          ))}
        {showToday && (
          <ReferenceLine
            x={today}
            stroke={TODAY_LINE.colour}
            strokeWidth={TODAY_LINE.width}
            strokeDasharray={TODAY_LINE.dash}
            label={{
              value: labels.today,
              position: 'insideTopRight',
              fill: TODAY_LINE.colour,
              fontSize: 12,
            }}
          />
        )}
        {series.flatMap((s) =>
          (['planned', 'projected'] as const).map((kind) => (
            <Line
              key={`${s.id}-${kind}`}
              data={s[kind]}
              dataKey="y"
              name={`${s.name} – ${labels[kind]}`}
              stroke={seriesStyle(s.index).colour}
              strokeWidth={TRAJECTORY_LINES[kind].width}
              strokeDasharray={TRAJECTORY_LINES[kind].dash}
              dot={false}
              isAnimationActive={false}
            />
          )),
        )}
        {series.map((s) => {
          const style = seriesStyle(s.index);
          return (
            <Line
              key={`${s.id}-assessed`}
              data={s.assessed}
              dataKey="y"
              name={s.name}
              stroke={style.colour}
              strokeWidth={TRAJECTORY_LINES.assessed.width}
              dot={markerDot(style.marker, style.colour)}
              isAnimationActive={false}
            />
          );
        })}
      </LineChart>
      <SeriesKey items={key} />
    </div>
  );
}
