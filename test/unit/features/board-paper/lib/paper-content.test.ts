import { describe, expect, it } from 'vitest';
import { coverSheetRows } from '@/domain/report/cover-sheet';
import {
  actionsTable,
  characteristicsTable,
  comparisonTables,
  coverTable,
  criterionFacts,
  factsTable,
  gapLines,
  overallTable,
  radarTable,
  TEXT_WIDTH_MM,
  type PaperTable,
} from '@/features/board-paper/lib/paper-content';
import {
  boardPaperT,
  fullPaper,
  paperAction,
  samplePaper,
  statusT,
} from '../../../../support/board-paper';

const t = boardPaperT();
const tStatus = statusT();

/** Every row has a cell per column, and the columns fill the text width. */
function expectWellFormed(table: PaperTable): void {
  const columns = table.widths.length;
  if (table.headers) expect(table.headers).toHaveLength(columns);
  for (const row of table.rows) expect(row).toHaveLength(columns);
  expect(table.widths.reduce((sum, w) => sum + w, 0)).toBe(TEXT_WIDTH_MM);
}

describe('paper tables', () => {
  const paper = fullPaper();

  it('are well formed: a cell per column, columns filling the text width', () => {
    const comparison = comparisonTables(paper, t)!;
    for (const table of [
      factsTable(paper, t),
      overallTable(paper, t),
      characteristicsTable(paper, t, tStatus),
      actionsTable(paper, t),
      radarTable(paper, t),
      comparison.characteristics,
      coverTable(coverSheetRows({}, { paperTitle: 'x', executiveSummary: '', appendices: [] }), t),
    ])
      expectWellFormed(table);
  });

  it('state the facts and the stored status in words', () => {
    expect(factsTable(paper, t).rows).toEqual([
      ['Northshire ICS', 'Assessment now', '30 September 2019', 'Draft'],
    ]);
    expect(overallTable(paper, t).rows[0]).toEqual(['Developing', 'Not yet', '24 of 24']);
  });

  it('give each characteristic its status word and the status for its RAG colour', () => {
    const table = characteristicsTable(paper, t, tStatus);
    expect(table.rows).toHaveLength(5);
    expect(table.statuses).toEqual(paper.summary.characteristics.map((c) => c.status.status));
    table.rows.forEach((row, i) => {
      expect(row[table.statusColumn]).toMatch(/\n.*1 April 2021/);
      expect(table.statuses[i]).toBeTruthy();
    });
  });

  it('number a cover sheet’s listed values and show blank fields as not stated', () => {
    const cover = coverSheetRows(
      { board: 'ICS Board', recommendations: 'Note it\nApprove it' },
      { paperTitle: 'Title', executiveSummary: '', appendices: ['Appendix B'] },
    );
    const rows = coverTable(cover, t).rows;
    expect(coverTable(cover, t).headers).toBeNull();
    expect(rows).toContainEqual(['Meeting (board or committee)', 'ICS Board']);
    expect(rows).toContainEqual(['Recommendation(s) to the board', '1. Note it\n2. Approve it']);
    expect(rows).toContainEqual(['Author', 'Not stated']);
    expect(rows).toContainEqual(['Appendices', '1. Appendix B']);
  });

  it('compare with the earlier assessment only when there is one', () => {
    const comparison = comparisonTables(paper, t)!;
    expect(comparison.characteristics.rows[0]?.slice(1)).toEqual([
      'Emerging',
      'Developing',
      'Improved',
    ]);
    expect(comparison.changed?.rows.length).toBe(24);
    expect(comparisonTables(samplePaper(), t)).toBeNull();
  });

  it('list the top gaps as sentences and the next actions with their status', () => {
    expect(gapLines(paper, t).length).toBe(paper.summary.topGaps.length);
    const actions = actionsTable(paper, t);
    expect(actions.rows.length).toBe(paper.summary.nextActions.length);
    expect(actions.rows.some((row) => /overdue/.test(row[3]!))).toBe(true);
  });
});

describe('criterionFacts', () => {
  it('lists level, descriptor, evidence and confidence, leaving out what has nothing to say', () => {
    const paper = samplePaper();
    const criterion = paper.characteristics[0]!.criteria[0]!;
    const facts = criterionFacts(paper, criterion, t);
    expect(facts.map((f) => f.label)).toEqual(
      [
        t('criterion.level'),
        criterion.descriptor ? t('criterion.descriptor') : null,
        criterion.rationale.trim() ? t('criterion.rationale') : null,
        t('criterion.evidence'),
        t('criterion.confidence'),
      ].filter(Boolean),
    );
    expect(facts.find((f) => f.label === 'Evidence')).toMatchObject({ items: ['Board minutes'] });
  });

  it('adds the workshop spread and the actions when the criterion has them', () => {
    const withSpread = fullPaper();
    const spread = withSpread.characteristics.flatMap((c) => c.criteria).find((c) => c.spread)!;
    expect(criterionFacts(withSpread, spread, t).at(-1)?.label).toBe(t('criterion.spread'));

    const withAction = samplePaper({
      actions: [paperAction({ criterionId: 'leadership.shared-vision' })],
    });
    const criterion = withAction.characteristics[0]!.criteria[0]!;
    expect(criterion.actions).toHaveLength(1);
    expect(criterionFacts(withAction, criterion, t).at(-1)).toMatchObject({
      label: t('criterion.actions'),
      items: [expect.stringContaining(criterion.actions[0]!.title)],
    });
  });
});
