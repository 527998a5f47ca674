import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from 'recharts';
import type { RadarPoint } from '../lib/to-radar-series';

type MaturityRadarProps = {
  data: RadarPoint[];
  levelTitles: string[];
  seriesName: string;
  title: string;
};

/**
 * The five-characteristic profile. Loaded lazily (recharts is not needed for the first screen).
 * Sized by CSS; the data table beside it carries the same figures for screen readers.
 */
export function MaturityRadar({ data, levelTitles, seriesName, title }: MaturityRadarProps) {
  return (
    <RadarChart
      responsive
      className="radar-chart"
      style={{ width: '100%', maxWidth: 560, aspectRatio: 1.15 }}
      data={data}
      outerRadius="62%"
      title={title}
      accessibilityLayer={false}
    >
      <PolarGrid />
      <PolarAngleAxis dataKey="label" tick={{ fontSize: 13, fill: '#212b32' }} />
      <PolarRadiusAxis
        domain={[0, 4]}
        tickCount={5}
        angle={90}
        tick={{ fontSize: 12, fill: '#4c6272' }}
        tickFormatter={(value: number) => levelTitles[value - 1] ?? ''}
      />
      <Radar
        name={seriesName}
        dataKey="value"
        stroke="#005eb8"
        strokeWidth={2}
        fill="#005eb8"
        fillOpacity={0.25}
        isAnimationActive={false}
      />
    </RadarChart>
  );
}
