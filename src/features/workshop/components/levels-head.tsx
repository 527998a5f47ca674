import { LEVEL_IDS, type LevelId } from '@/domain/levels';

/**
 * The head of a table of votes: a column per level, in order, after `first` (the heading of the
 * rows' own column) when there is one.
 */
export function LevelsHead({
  levelTitle,
  first,
  className,
}: {
  levelTitle: (level: LevelId) => string;
  first?: string;
  className?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {first !== undefined && <th scope="col">{first}</th>}
        {LEVEL_IDS.map((level) => (
          <th scope="col" key={level}>
            {levelTitle(level)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
