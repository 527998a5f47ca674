import { describe, expect, it } from 'vitest';
import { emptyRating } from '@/domain/assessment';
import { assessmentsCsv, csvField, CSV_COLUMNS } from '@/domain/backup/csv';
import { shippedFramework } from '../../../support/framework';

const framework = shippedFramework;

const assessment = {
  id: 'a1',
  systemName: 'Northshire, "East" & Vale',
  title: 'Baseline',
  asAt: '2019-06-30',
  frameworkId: 'ics-maturity-2019',
  frameworkVersion: '1.0.0',
  basedOnId: null,
  status: { state: 'draft' as const },
  createdAt: 0,
  updatedAt: 0,
};

describe('csv', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(3)).toBe('3');
  });

  it('writes a BOM, the documented header and one row per criterion per assessment', () => {
    const csv = assessmentsCsv([
      {
        assessment,
        framework,
        ratings: [
          {
            ...emptyRating('a1', 'care.pcns'),
            level: 'maturing',
            confidence: 'high',
            rationale: 'All practices, in networks',
            evidence: [{ id: 'e', text: 'Coverage map', url: '' }],
          },
        ],
      },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 24);
    expect(lines).toContain(
      '"Northshire, ""East"" & Vale",Baseline,2019-06-30,ics-maturity-2019@1.0.0,Integrated local system and care models,Primary care networks,maturing,high,1,"All practices, in networks"',
    );
    expect(lines.filter((l) => l.includes(',not assessed,'))).toHaveLength(23);
  });
});
