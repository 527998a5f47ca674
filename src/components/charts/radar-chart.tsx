import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from 'recharts';
import { wrapLabel } from '@/lib/wrap-label';
import { GRID, INK, SECONDARY_TEXT, seriesStyle } from './palette';
import { SeriesKey } from './series-key';
import { markerDot } from './series-marker';

/** One row per spoke: its label and, per series key, a level rank (1–4; 0 not enough evidence). */
export type RadarRow = { label: string } & Record<string, number | string>;

export type RadarSeries = { key: string; name: string };

type LevelRadarProps = {
  rows: RadarRow[];
  series: RadarSeries[];
  levelTitles: string[];
  title?: string;
  /** Characters per line of a spoke label before it wraps. */
  labelWidth?: number;
};

type TickProps = {
  x?: number;
  y?: number;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  payload?: { value?: string };
  width: number;
};

/** Characteristic names are long: wrap them onto short lines instead of letting them be cut off. */
function AngleTick({ x = 0, y = 0, textAnchor = 'middle', payload, width }: TickProps) {
  const lines = wrapLabel(payload?.value ?? '', width);
  return (
    <text x={x} y={y} textAnchor={textAnchor} fontSize={13} fill={INK}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? '0.35em' : '1.1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * Levels per characteristic on a radar, for one series (results) or several (compare). Series
 * take the shared styles in order: colour, dash and marker shape, so none depends on colour
 * alone. Loaded lazily with recharts; the screen puts a data table beside it.
 */
export function LevelRadar({ rows, series, levelTitles, title, labelWidth = 22 }: LevelRadarProps) {
  const isSingle = series.length === 1;
  return (
    <div className="radar-chart">
      <RadarChart
        responsive
        style={{ width: '100%', maxWidth: 600, aspectRatio: 1.2 }}
        data={rows}
        outerRadius="58%"
        margin={{ top: 24, right: 24, bottom: 24, left: 24 }}
        title={title}
        accessibilityLayer={false}
      >
        <PolarGrid stroke={GRID} />
        <PolarAngleAxis dataKey="label" tick={<AngleTick width={labelWidth} />} />
        <PolarRadiusAxis
          domain={[0, 4]}
          tickCount={5}
          angle={54}
          tick={{ fontSize: 12, fill: SECONDARY_TEXT }}
          tickFormatter={(value: number) => levelTitles[value - 1] ?? ''}
        />
        {series.map((s, i) => {
          const style = seriesStyle(i);
          return (
            <Radar
              key={s.key}
              name={s.name}
              dataKey={s.key}
              stroke={style.colour}
              strokeWidth={2}
              strokeDasharray={style.dash || undefined}
              fill={style.colour}
              fillOpacity={isSingle ? 0.2 : 0.06}
              dot={markerDot(style.marker, style.colour)}
              isAnimationActive={false}
            />
          );
        })}
      </RadarChart>
      {!isSingle && (
        <SeriesKey
          items={series.map((s, i) => ({
            name: s.name,
            colour: seriesStyle(i).colour,
            dash: seriesStyle(i).dash,
            marker: seriesStyle(i).marker,
          }))}
        />
      )}
    </div>
  );
}
