import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  XAxis,
  YAxis,
} from 'recharts';

export const COMPARE_COLOURS = ['#005eb8', '#007f3b', '#330072', '#7c2855', '#425563'];

export type CompareChartRow = { label: string } & Record<string, number | string>;

type CompareChartsProps = {
  kind: 'radar' | 'bar';
  rows: CompareChartRow[];
  series: { key: string; name: string }[];
  levelTitles: string[];
};

/** Overlaid radar or grouped bars of characteristic levels per assessment. Loaded lazily. */
export function CompareChart({ kind, rows, series, levelTitles }: CompareChartsProps) {
  const tickFormatter = (value: number): string => levelTitles[value - 1] ?? '';
  if (kind === 'radar') {
    return (
      <RadarChart
        responsive
        style={{ width: '100%', maxWidth: 600, aspectRatio: 1.2 }}
        data={rows}
        outerRadius="58%"
        accessibilityLayer={false}
      >
        <PolarGrid />
        <PolarAngleAxis dataKey="short" tick={{ fontSize: 12, fill: '#212b32' }} />
        <PolarRadiusAxis
          domain={[0, 4]}
          tickCount={5}
          angle={54}
          tickFormatter={tickFormatter}
          tick={{ fontSize: 11 }}
        />
        {series.map((s, i) => (
          <Radar
            key={s.key}
            name={s.name}
            dataKey={s.key}
            stroke={COMPARE_COLOURS[i % COMPARE_COLOURS.length]}
            fill={COMPARE_COLOURS[i % COMPARE_COLOURS.length]}
            fillOpacity={0.08}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
        <Legend wrapperStyle={{ fontSize: 13 }} />
      </RadarChart>
    );
  }
  return (
    <BarChart
      responsive
      style={{ width: '100%', aspectRatio: 1.8, minHeight: 260 }}
      data={rows}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#d8dde0" vertical={false} />
      <XAxis dataKey="short" tick={{ fontSize: 12, fill: '#212b32' }} interval={0} />
      <YAxis
        domain={[0, 4]}
        ticks={[1, 2, 3, 4]}
        width={84}
        tickFormatter={tickFormatter}
        tick={{ fontSize: 12 }}
      />
      {series.map((s, i) => (
        <Bar
          key={s.key}
          name={s.name}
          dataKey={s.key}
          fill={COMPARE_COLOURS[i % COMPARE_COLOURS.length]}
          isAnimationActive={false}
        />
      ))}
      <Legend wrapperStyle={{ fontSize: 13 }} />
    </BarChart>
  );
}
