import { describe, expect, it } from 'vitest';
import { emptyRating } from '@/domain/assessment';
import { csvField } from '@/domain/backup/csv';
import { buildBoardPaper } from '@/domain/report/board-paper';
import { stripControlCharacters, stripControlCharactersDeep } from '@/domain/safe-text';
import { shippedFramework as framework } from '../../support/framework';

describe('stripControlCharacters', () => {
  it('turns a vertical tab pasted from PowerPoint into a space', () => {
    expect(stripControlCharacters('Northshire\u000BICS')).toBe('Northshire ICS');
    expect(stripControlCharacters('a\u000Cb\u0085c')).toBe('a b c');
  });

  it('removes every other C0 control, DEL and C1 control', () => {
    const c0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i))
      .filter((c) => !'\t\n\r\u000B\u000C'.includes(c))
      .join('');
    const c1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i))
      .filter((c) => c !== '\u0085')
      .join('');
    expect(stripControlCharacters(`a${c0}b\u007Fc${c1}d`)).toBe('abcd');
  });

  it('keeps tab, line feed, carriage return and ordinary text, accents and emoji', () => {
    const text = 'Line one\r\nLine two\tcolumn — Café “quoted” 😀 <b>&amp;</b>';
    expect(stripControlCharacters(text)).toBe(text);
  });

  it('removes unpaired surrogates and U+FFFE/U+FFFF, keeping paired ones', () => {
    expect(stripControlCharacters('a\uD83Db\uDE00c\uFFFEd\uFFFFe')).toBe('abcde');
    expect(stripControlCharacters('\uD83D\uDE00')).toBe('😀');
  });

  it('gives text an XML parser accepts', () => {
    const dirty = `x${String.fromCharCode(...Array.from({ length: 0xa0 }, (_, i) => i))}\uD800y`;
    const clean = stripControlCharacters(dirty);
    // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    expect(clean).toMatch(/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]*$/u);
    expect(clean).not.toMatch(/[\u007F-\u009F]/);
  });
});

describe('stripControlCharactersDeep', () => {
  it('cleans every string in nested plain objects and arrays', () => {
    const input = {
      systemName: 'North\u000Bshire',
      count: 3,
      flag: true,
      none: null,
      list: [{ label: 'A\u0007' }, 'ok', ['\u0001deep']],
    };
    expect(stripControlCharactersDeep(input)).toEqual({
      systemName: 'North shire',
      count: 3,
      flag: true,
      none: null,
      list: [{ label: 'A' }, 'ok', ['deep']],
    });
    // The input is not changed.
    expect(input.systemName).toBe('North\u000Bshire');
  });

  it('returns clean data as the same objects (no copies)', () => {
    const framework = { id: 'f', criteria: [{ title: 'Clean' }] };
    const input = { framework, name: 'Dirty\u000B' };
    const output = stripControlCharactersDeep(input);
    expect(output).not.toBe(input);
    expect(output.framework).toBe(framework);
    const clean = { a: ['b', { c: 'd' }] };
    expect(stripControlCharactersDeep(clean)).toBe(clean);
  });
});

describe('exports use it', () => {
  const VT = '\u000B';
  const dirty = (text: string): string => `${text}${VT}\u0007\u009B`;

  it('the board paper model (screen, print view, PDF and PNG) holds no control characters', () => {
    const criterionId = framework.characteristics[0]!.criteria[0]!.id;
    const result = buildBoardPaper({
      current: {
        assessment: {
          id: 'a1',
          systemName: `Northshire${VT}ICS`,
          title: dirty('Baseline'),
          asAt: '2019-09-30',
          frameworkId: framework.id,
          frameworkVersion: framework.version,
          basedOnId: null,
          status: { state: 'draft' },
          createdAt: 1,
          updatedAt: 1,
        },
        ratings: [
          {
            ...emptyRating('a1', criterionId),
            level: 'developing',
            rationale: dirty('Because'),
            evidence: [{ id: 'e1', text: dirty('Minutes'), url: '' }],
          },
        ],
        framework,
      },
      others: [],
      targets: [],
      actions: [
        {
          id: 'x',
          systemKey: 'northshire ics',
          title: dirty('Agree'),
          owner: dirty('Chair'),
          dueDate: '2020-01-01',
          status: 'not-started',
          characteristicId: framework.characteristics[0]!.id,
          criterionId,
          milestoneDate: null,
          createdAt: 1,
          updatedAt: 1,
        },
      ],
      workshops: [
        {
          id: 'w1',
          title: dirty('Workshop'),
          date: '2019-09-12',
          facilitator: dirty('Director'),
          isAnonymous: false,
          criterionIds: [criterionId],
          participants: [
            {
              id: 'p1',
              label: dirty('Council director'),
              organisation: dirty('Council'),
              sector: 'local-authority',
            },
          ],
          ratings: [
            { participantId: 'p1', criterionId, level: 'emerging', note: dirty('Not yet') },
          ],
          agreements: [
            {
              criterionId,
              level: 'developing',
              rationale: dirty('Agreed'),
              dissent: dirty('Council'),
            },
          ],
        },
      ],
      today: '2019-10-01',
    });
    expect(result.kind).toBe('paper');
    const text = JSON.stringify(result);
    expect(text).toContain('Northshire ICS');
    expect(text).toContain('Council director');
    expect(text).not.toMatch(/\\u000b|\\u0007|\u009B/i);
  });

  it('the CSV has no control characters, and one cannot hide a leading =', () => {
    expect(csvField(`North${VT}shire`)).toBe('North shire');
    expect(csvField('\u0001=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('a\u007Fb\u0085c')).toBe('ab c');
  });
});
