import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { Milestone } from '@/domain/framework/schema';
import { dayNumber } from '@/domain/trajectory/dates';
import type { Trajectory } from '@/domain/trajectory/trajectory';
import { axisDomain, toSeries, yearTicks } from '../lib/trajectory-series';

export const SERIES_COLOURS = ['#005eb8', '#007f3b', '#330072', '#7c2855', '#425563'];

type TrajectoryChartProps = {
  trajectory: Trajectory;
  selected: string | 'all';
  names: Record<string, string>;
  levelTitles: string[];
  milestones: Milestone[];
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
      <text x={x + 3} y={y} fontSize={11} fill="#4c6272">
        {props.number}
      </text>
    </g>
  );
}

/**
 * Assessed levels over time per characteristic, the planned path (dashed), the projection at the
 * current pace (dotted), framework milestones (numbered, source in the tooltip) and today.
 * Loaded lazily. The data table on the plan screen carries every figure shown here.
 */
export function TrajectoryChart({
  trajectory,
  selected,
  names,
  levelTitles,
  milestones,
  labels,
}: TrajectoryChartProps) {
  const domain = axisDomain(trajectory);
  const shown = trajectory.characteristics
    .map((c, index) => ({
      series: toSeries(c),
      colour: SERIES_COLOURS[index % SERIES_COLOURS.length],
    }))
    .filter(({ series }) => selected === 'all' || series.characteristicId === selected);
  const today = dayNumber(trajectory.today);
  return (
    <LineChart
      responsive
      className="trajectory-chart"
      style={{ width: '100%', aspectRatio: 1.8, minHeight: 260 }}
      margin={{ top: 20, right: 24, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#d8dde0" />
      <XAxis
        type="number"
        dataKey="x"
        domain={domain}
        ticks={yearTicks(domain)}
        allowDataOverflow
        tickFormatter={(day: number) => String(new Date(day * 86_400_000).getUTCFullYear())}
        tick={{ fontSize: 12, fill: '#212b32' }}
      />
      <YAxis
        type="number"
        domain={[0.5, 4.5]}
        ticks={[1, 2, 3, 4]}
        width={84}
        tickFormatter={(rank: number) => levelTitles[rank - 1] ?? ''}
        tick={{ fontSize: 12, fill: '#212b32' }}
      />
      {milestones.map((m, index) => {
        const day = dayNumber(m.date);
        if (day < domain[0] || day > domain[1]) return null;
        return (
          <ReferenceLine
            key={m.date + m.label}
            x={day}
            stroke="#aeb7bd"
            strokeDasharray="2 4"
            label={
              <MilestoneLabel number={index + 1} text={`${m.date}: ${m.label} (${m.source})`} />
            }
          />
        );
      })}
      {today >= domain[0] && today <= domain[1] && (
        <ReferenceLine
          x={today}
          stroke="#d5281b"
          strokeWidth={2}
          label={{ value: labels.today, position: 'insideTopRight', fill: '#d5281b', fontSize: 12 }}
        />
      )}
      {shown.map(({ series, colour }) => [
        <Line
          key={`${series.characteristicId}-assessed`}
          data={series.assessed}
          dataKey="y"
          name={names[series.characteristicId]}
          stroke={colour}
          strokeWidth={2}
          dot={{ r: 4, fill: colour }}
          isAnimationActive={false}
        />,
        <Line
          key={`${series.characteristicId}-planned`}
          data={series.planned}
          dataKey="y"
          name={`${names[series.characteristicId]} – ${labels.planned}`}
          stroke={colour}
          strokeDasharray="8 4"
          dot={false}
          legendType="none"
          isAnimationActive={false}
        />,
        <Line
          key={`${series.characteristicId}-projected`}
          data={series.projected}
          dataKey="y"
          name={`${names[series.characteristicId]} – ${labels.projected}`}
          stroke={colour}
          strokeDasharray="2 3"
          dot={false}
          legendType="none"
          isAnimationActive={false}
        />,
      ])}
      <Legend wrapperStyle={{ fontSize: 13 }} />
    </LineChart>
  );
}
