import { markerPath } from './markers';
import { WHITE, type MarkerShape } from './palette';

/** A series marker for recharts `dot` and the key: hollow, so overlapping markers stay visible. */
export function SeriesMarker({
  shape,
  x,
  y,
  colour,
  size = 9,
  filled = false,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  colour: string;
  size?: number;
  filled?: boolean;
}) {
  return (
    <path
      className="chart-marker"
      data-marker={shape}
      d={markerPath(shape, x, y, size)}
      fill={filled ? colour : WHITE}
      stroke={filled ? WHITE : colour}
      strokeWidth={filled ? 1 : 2}
    />
  );
}

/** recharts calls `dot` with the point's position; this draws the series' marker there. */
export function markerDot(shape: MarkerShape, colour: string) {
  function Dot(props: { cx?: number; cy?: number; index?: number; value?: unknown }) {
    if (props.cx === undefined || props.cy === undefined || !props.value) {
      return <g key={props.index} />;
    }
    return (
      <SeriesMarker key={props.index} shape={shape} x={props.cx} y={props.cy} colour={colour} />
    );
  }
  return Dot;
}
