import { WHITE, type SeriesStyle } from './palette';
import { SeriesMarker } from './series-marker';

export type KeyItem = {
  name: string;
  colour: string;
  /** A line sample with this dash ('' solid), or a filled box when absent. */
  dash?: string;
  marker?: SeriesStyle['marker'];
  width?: number;
};

/**
 * The key under a screen chart, as HTML text (wraps at any width, zooms, is read as a list): a
 * sample of each line with its dash and marker, or a box, then the series' name.
 */
export function SeriesKey({ items }: { items: readonly KeyItem[] }) {
  return (
    <ul
      className="chart-key"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: '0.25rem 1.25rem',
        listStyle: 'none',
        padding: 0,
        margin: '0.5rem 0 0',
        fontSize: '0.875rem',
      }}
    >
      {items.map((item) => (
        <li
          key={item.name}
          style={{ display: 'flex', alignItems: 'center', gap: '0.4rem', margin: 0 }}
        >
          <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
            {item.dash === undefined ? (
              <rect x="10" y="0" width="14" height="14" fill={item.colour} />
            ) : (
              <line
                x1="1"
                x2="33"
                y1="7"
                y2="7"
                stroke={item.colour}
                strokeWidth={item.width ?? 2.5}
                strokeDasharray={item.dash || undefined}
              />
            )}
            {item.marker &&
              (item.dash === undefined ? (
                <SeriesMarker shape={item.marker} x={17} y={7} colour={WHITE} size={8} filled />
              ) : (
                <SeriesMarker shape={item.marker} x={17} y={7} colour={item.colour} />
              ))}
          </svg>
          <span>{item.name}</span>
        </li>
      ))}
    </ul>
  );
}
