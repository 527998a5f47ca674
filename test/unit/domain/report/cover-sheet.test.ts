import { describe, expect, it } from 'vitest';
import {
  COVER_FIELDS,
  COVER_LIMITS,
  EMPTY_COVER_SHEET,
  blankCoverFields,
  coverSheetRows,
  type CoverRow,
} from '@/domain/report/cover-sheet';

const defaults = {
  paperTitle: 'ICS maturity self-assessment 2020',
  executiveSummary: 'Northshire is Developing overall; 2 of 5 characteristics are on track.',
  appendices: ['A. Criteria', 'B. Method and scoring rules'],
};

function row(rows: CoverRow[], field: CoverRow['field']) {
  const found = rows.find((r) => r.field === field);
  if (!found) throw new Error(`no ${field} row`);
  return found;
}

describe('coverSheetRows', () => {
  it('shows every field once, in the order an NHS cover sheet uses, with the appendices last', () => {
    const rows = coverSheetRows(EMPTY_COVER_SHEET, defaults);
    expect(rows.map((r) => r.field)).toEqual([...COVER_FIELDS, 'appendices']);
  });

  it('fills a blank title, executive summary and appendices from the paper, and nothing else', () => {
    const rows = coverSheetRows(EMPTY_COVER_SHEET, defaults);
    expect(row(rows, 'paperTitle').value).toBe(defaults.paperTitle);
    expect(row(rows, 'executiveSummary').value).toBe(defaults.executiveSummary);
    expect(row(rows, 'appendices').value).toEqual(defaults.appendices);
    const filled = rows.filter((r) => r.value !== null).map((r) => r.field);
    expect(filled).toEqual(['paperTitle', 'executiveSummary', 'appendices']);
  });

  it('prefers what was typed to the defaults, trimmed and cut to the field limit', () => {
    const rows = coverSheetRows(
      {
        ...EMPTY_COVER_SHEET,
        paperTitle: '  Our maturity  ',
        executiveSummary: 'x'.repeat(COVER_LIMITS.executiveSummary + 50),
        board: 'Northshire ICS Partnership Board',
      },
      defaults,
    );
    expect(row(rows, 'paperTitle').value).toBe('Our maturity');
    expect(row(rows, 'executiveSummary').value).toHaveLength(COVER_LIMITS.executiveSummary);
    expect(row(rows, 'board').value).toBe('Northshire ICS Partnership Board');
  });

  it('splits recommendations into one per line, without the bullets or numbers people type', () => {
    const rows = coverSheetRows(
      {
        recommendations:
          '1. Note the self-assessment\n\n- Approve the plan\r\n• Agree the next review\n  ',
      },
      defaults,
    );
    expect(row(rows, 'recommendations').value).toEqual([
      'Note the self-assessment',
      'Approve the plan',
      'Agree the next review',
    ]);
    expect(
      row(coverSheetRows({ recommendations: ' \n - \n' }, defaults), 'recommendations').value,
    ).toBe(null);
  });

  it('takes a meeting date only when it is a real date, and purpose and session only from their options', () => {
    const good = coverSheetRows(
      { meetingDate: '2021-03-25', session: 'private', purpose: 'approval' },
      defaults,
    );
    expect(row(good, 'meetingDate').value).toBe('2021-03-25');
    expect(row(good, 'session').value).toBe('private');
    expect(row(good, 'purpose').value).toBe('approval');

    const bad = coverSheetRows(
      { meetingDate: '2021-02-30', session: 'secret', purpose: 'to be noted' },
      defaults,
    );
    expect(row(bad, 'meetingDate').value).toBe(null);
    expect(row(bad, 'session').value).toBe(null);
    expect(row(bad, 'purpose').value).toBe(null);
    expect(row(coverSheetRows({ meetingDate: '2021-3-5' }, defaults), 'meetingDate').value).toBe(
      null,
    );
  });

  it('leaves the appendices out when the paper has none', () => {
    const rows = coverSheetRows({}, { ...defaults, appendices: [] });
    expect(row(rows, 'appendices').value).toBe(null);
  });
});

describe('blankCoverFields', () => {
  it('lists the fields still to fill in, not those the paper fills itself', () => {
    expect(blankCoverFields(EMPTY_COVER_SHEET)).toHaveLength(COVER_FIELDS.length - 2);
    expect(blankCoverFields(EMPTY_COVER_SHEET)).not.toContain('paperTitle');
    const some = blankCoverFields({ board: 'Board', author: '  ' });
    expect(some).not.toContain('board');
    expect(some).toContain('author');
  });
});
