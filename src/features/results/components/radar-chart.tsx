import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from 'recharts';
import { wrapLabel } from '@/lib/wrap-label';
import type { RadarPoint } from '../lib/to-radar-series';

type MaturityRadarProps = {
  data: RadarPoint[];
  levelTitles: string[];
  seriesName: string;
  title: string;
};

type TickProps = {
  x?: number;
  y?: number;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  payload?: { value?: string };
};

/** Characteristic names are long: wrap them onto short lines instead of letting them be cut off. */
function AngleTick({ x = 0, y = 0, textAnchor = 'middle', payload }: TickProps) {
  const lines = wrapLabel(payload?.value ?? '', 22);
  return (
    <text x={x} y={y} textAnchor={textAnchor} fontSize={13} fill="#212b32">
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? '0.35em' : '1.1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * The five-characteristic profile. Loaded lazily (recharts is not needed for the first screen).
 * Sized by CSS; the data table beside it carries the same figures for screen readers.
 */
export function MaturityRadar({ data, levelTitles, seriesName, title }: MaturityRadarProps) {
  return (
    <RadarChart
      responsive
      className="radar-chart"
      style={{ width: '100%', maxWidth: 600, aspectRatio: 1.2 }}
      data={data}
      outerRadius="58%"
      margin={{ top: 24, right: 24, bottom: 24, left: 24 }}
      title={title}
      accessibilityLayer={false}
    >
      <PolarGrid />
      <PolarAngleAxis dataKey="label" tick={<AngleTick />} />
      <PolarRadiusAxis
        domain={[0, 4]}
        tickCount={5}
        angle={54}
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
