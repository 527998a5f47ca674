import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { GRID, INK, seriesStyle, WHITE } from './palette';
import { SeriesKey } from './series-key';
import { SeriesMarker } from './series-marker';
import type { RadarRow, RadarSeries } from './radar-chart';

type BarShape = { x?: number; y?: number; width?: number; height?: number };

/** A bar in its series colour with the series' marker at its top, so bars are told apart by shape too. */
function seriesBar(index: number) {
  const style = seriesStyle(index);
  function SeriesBar({ x = 0, y = 0, width = 0, height = 0 }: BarShape) {
    if (height <= 0) return <g />;
    return (
      <g>
        <rect x={x} y={y} width={width} height={height} fill={style.colour} />
        {width >= 8 && height >= 12 && (
          <SeriesMarker
            shape={style.marker}
            x={x + width / 2}
            y={y + 8}
            colour={WHITE}
            size={Math.min(9, width - 2)}
            filled
          />
        )}
      </g>
    );
  }
  return SeriesBar;
}

/** Grouped bars of levels per characteristic, one bar per series. Loaded lazily with recharts. */
export function LevelBarChart({
  rows,
  series,
  levelTitles,
}: {
  rows: RadarRow[];
  series: RadarSeries[];
  levelTitles: string[];
}) {
  return (
    <div>
      <BarChart
        responsive
        style={{ width: '100%', aspectRatio: 1.8, minHeight: 260 }}
        data={rows}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: INK }} interval={0} />
        <YAxis
          domain={[0, 4]}
          ticks={[1, 2, 3, 4]}
          width={84}
          tickFormatter={(value: number) => levelTitles[value - 1] ?? ''}
          tick={{ fontSize: 12, fill: INK }}
        />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            name={s.name}
            dataKey={s.key}
            fill={seriesStyle(i).colour}
            shape={seriesBar(i)}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
      <SeriesKey
        items={series.map((s, i) => ({
          name: s.name,
          colour: seriesStyle(i).colour,
          marker: seriesStyle(i).marker,
        }))}
      />
    </div>
  );
}
