import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import {
  mergeResponses,
  readResponse,
  makeResponse,
  RESPONSE_TYPE,
  type ResponseFile,
  type WorkshopIdentity,
} from '@/domain/workshop/response-file';
import {
  joinCode,
  makeInvitation,
  normaliseJoinCode,
  readInvitation,
} from '@/domain/workshop/invitation';
import { criterionStatus } from '@/domain/workshop/agreement';
import type { Participant } from '@/domain/workshop/participants';
import { byDisagreement, spreadOf, spreads, type IndividualRating } from '@/domain/workshop/spread';

const rate = (
  participantId: string,
  level: LevelId | null,
  criterionId = 'care.pcns',
): IndividualRating => ({
  participantId,
  criterionId,
  level,
  note: '',
});

describe('spread of ratings', () => {
  const sectors: Record<string, Participant['sector']> = {
    a: 'acute-trust',
    b: 'local-authority',
    c: 'acute-trust',
    d: 'primary-care',
  };
  const sectorOf = (id: string) => sectors[id];

  it('counts each level, gives the median and range, and flags a split of two or more levels', () => {
    const spread = spreadOf(
      'care.pcns',
      [rate('a', 'developing'), rate('b', 'thriving'), rate('c', 'developing')],
      sectorOf,
    );
    expect(spread.count).toBe(3);
    expect(spread.counts).toEqual({ emerging: 0, developing: 2, maturing: 0, thriving: 1 });
    expect(spread.median).toEqual({ low: 'developing', high: 'developing' });
    expect(spread.range).toEqual({ min: 'developing', max: 'thriving' });
    expect(spread.isSplit).toBe(true);
    expect(spread.bySector).toEqual({
      'acute-trust': { emerging: 0, developing: 2, maturing: 0, thriving: 0 },
      'local-authority': { emerging: 0, developing: 0, maturing: 0, thriving: 1 },
    });
  });

  it('gives both middle levels for an even count, and is not split within one level', () => {
    const spread = spreadOf(
      'care.pcns',
      [rate('a', 'developing'), rate('b', 'maturing'), rate('c', null)],
      sectorOf,
    );
    expect(spread.count).toBe(2);
    expect(spread.median).toEqual({ low: 'developing', high: 'maturing' });
    expect(spread.isSplit).toBe(false);
  });

  it('has no median or range with no ratings', () => {
    expect(spreadOf('care.pcns', [rate('a', null)], sectorOf)).toMatchObject({
      count: 0,
      median: null,
      range: null,
      isSplit: false,
    });
  });

  it('sorts criteria by disagreement, most first', () => {
    const ratings = [
      rate('a', 'maturing', 'x'),
      rate('b', 'maturing', 'x'),
      rate('a', 'emerging', 'y'),
      rate('b', 'thriving', 'y'),
      rate('a', 'developing', 'z'),
      rate('b', 'maturing', 'z'),
    ];
    const list = spreads(['x', 'y', 'z'], ratings, [
      { id: 'a', label: 'A', organisation: 'Trust', sector: 'acute-trust' },
      { id: 'b', label: 'B', organisation: 'Council', sector: 'local-authority' },
    ]);
    expect(byDisagreement(list).map((s) => s.criterionId)).toEqual(['y', 'z', 'x']);
  });

  it('needs agreement on a split criterion before it counts', () => {
    const split = spreadOf('c', [rate('a', 'emerging', 'c'), rate('b', 'maturing', 'c')], sectorOf);
    expect(criterionStatus(split, undefined)).toBe('needs-agreement');
    expect(
      criterionStatus(split, {
        criterionId: 'c',
        level: 'developing',
        rationale: 'Discussed',
        dissent: 'Council: maturing',
      }),
    ).toBe('agreed');
    const close = spreadOf('c', [rate('a', 'maturing', 'c'), rate('b', 'maturing', 'c')], sectorOf);
    expect(criterionStatus(close, undefined)).toBe('ready');
    expect(criterionStatus(spreadOf('c', [], sectorOf), undefined)).toBe('not-rated');
  });
});

const WORKSHOP: WorkshopIdentity = {
  id: 'ws-1',
  frameworkId: 'ics-maturity-2019',
  frameworkVersion: '1.0.0',
  criterionIds: new Set(['care.pcns', 'care.phm', 'leadership.governance']),
  frameworkCriterionIds: new Set([
    'care.pcns',
    'care.phm',
    'leadership.governance',
    'finance.control-total',
  ]),
};

function response(
  participantId: string,
  submittedAt: string,
  level: LevelId | null = 'developing',
): ResponseFile {
  return {
    type: RESPONSE_TYPE,
    version: 1,
    workshop: { id: 'ws-1', title: 'Northshire board workshop' },
    framework: { id: 'ics-maturity-2019', version: '1.0.0' },
    participant: {
      id: participantId,
      label: `Participant ${participantId}`,
      organisation: 'Trust',
      sector: 'acute-trust',
    },
    submittedAt,
    ratings: [{ criterionId: 'care.pcns', level, note: '' }],
  };
}

describe('response files', () => {
  const valid = JSON.stringify(response('p1', '2019-09-01T10:00:00.000Z'));

  it('reads a valid response', () => {
    expect(readResponse(valid, WORKSHOP).ok).toBe(true);
  });

  it.each([
    ['truncated', valid.slice(0, 40), 'not-json'],
    ['another file type', JSON.stringify({ type: 'ics-maturity-backup' }), 'not-a-response'],
    ['a newer version', JSON.stringify({ ...JSON.parse(valid), version: 2 }), 'newer-version'],
    [
      'a level outside the four',
      valid.replace('"level":"developing"', '"level":"excellent"'),
      'invalid',
    ],
    [
      'an unknown criterion',
      valid.replace('"criterionId":"care.pcns"', '"criterionId":"care.unknown"'),
      'unknown-criterion',
    ],
    ['another workshop', valid.replace('"id":"ws-1"', '"id":"ws-2"'), 'other-workshop'],
    [
      'another framework version',
      valid.replace('"version":"1.0.0"', '"version":"2.0.0"'),
      'other-framework',
    ],
    ['over 5 MB', `${valid.slice(0, -1)},"pad":"${'x'.repeat(5 * 1024 * 1024)}"}`, 'too-large'],
  ])('refuses %s with a specific reason', (_name, text, code) => {
    const result = readResponse(text, WORKSHOP);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });

  it('names the workshop a file belongs to when it is for another one', () => {
    const other = JSON.stringify({
      ...response('p1', '2019-09-01T10:00:00.000Z'),
      workshop: { id: 'ws-9', title: 'Eastvale workshop' },
    });
    expect(readResponse(other, WORKSHOP)).toEqual({
      ok: false,
      problem: { code: 'other-workshop', workshopTitle: 'Eastvale workshop' },
    });
  });

  it('accepts a file made by typing the join code, and leaves out criteria outside the scope', () => {
    const byCode = response('p1', '2019-09-01T10:00:00.000Z');
    byCode.workshop = { id: joinCode('ws-1'), title: '' };
    byCode.ratings.push({ criterionId: 'finance.control-total', level: 'maturing', note: '' });
    const result = readResponse(JSON.stringify(byCode), WORKSHOP);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outOfScope).toBe(1);
    expect(result.value.ratings.map((r) => r.criterionId)).toEqual(['care.pcns']);
  });

  it('round-trips a response made on a participant device', () => {
    const made = makeResponse({
      workshop: { id: 'ws-1', title: 'Northshire board workshop' },
      framework: { id: 'ics-maturity-2019', version: '1.0.0' },
      participant: {
        id: 'p7',
        label: 'Ŵyn “the CFO”',
        organisation: 'ICB',
        sector: 'commissioner',
      },
      ratings: [{ criterionId: 'care.phm', level: 'emerging', note: '£2m gap – see plan' }],
      submittedAt: '2019-09-01T10:00:00.000Z',
    });
    expect(readResponse(JSON.stringify(made), WORKSHOP)).toEqual({
      ok: true,
      value: made,
      outOfScope: 0,
    });
  });

  it('keeps participant names with HTML as plain data', () => {
    const html = response('p1', '2019-09-01T10:00:00.000Z');
    html.participant.label = '<img src=x onerror=alert(1)>';
    const result = readResponse(JSON.stringify(html), WORKSHOP);
    expect(result.ok && result.value.participant.label).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('invitations and join codes', () => {
  const invitation = makeInvitation({
    id: 'ws-1',
    title: 'Board workshop',
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous: false,
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
    criterionIds: ['care.pcns'],
  });

  it('reads back the invitation it makes', () => {
    expect(readInvitation(JSON.stringify(invitation))).toEqual({ ok: true, value: invitation });
  });

  it.each([
    ['truncated', JSON.stringify(invitation).slice(0, 30), 'not-json'],
    [
      'a response file',
      JSON.stringify(response('p1', '2019-09-01T10:00:00.000Z')),
      'not-an-invitation',
    ],
    ['a newer version', JSON.stringify({ ...invitation, version: 2 }), 'newer-version'],
    ['no criteria', JSON.stringify({ ...invitation, criterionIds: [] }), 'invalid'],
    [
      'a bad date',
      JSON.stringify({ ...invitation, workshop: { ...invitation.workshop, date: '2019-13-40' } }),
      'invalid',
    ],
    ['over 256 KB', JSON.stringify({ ...invitation, pad: 'x'.repeat(300_000) }), 'too-large'],
  ])('refuses %s', (_name, text, code) => {
    const result = readInvitation(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });

  it('derives a stable ten-character code that survives careless typing', () => {
    const code = joinCode('9b2f6a52-3c1e-4c8e-9a57-0d3f1b2c4e5f');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(joinCode('9b2f6a52-3c1e-4c8e-9a57-0d3f1b2c4e5f')).toBe(code);
    expect(joinCode('9b2f6a52-3c1e-4c8e-9a57-0d3f1b2c4e60')).not.toBe(code);
    expect(normaliseJoinCode(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(code);
    expect(normaliseJoinCode('O1ILO-00000')).toBe('01110-00000');
    expect(normaliseJoinCode('ABCDE-FGHIU')).toBeNull();
    expect(normaliseJoinCode('too short')).toBeNull();
  });
});

describe('merging response files', () => {
  it('adds new participants, replaces an older file and says so, and ignores the same file twice', () => {
    const first = response('p1', '2019-09-01T10:00:00.000Z', 'developing');
    const newer = response('p1', '2019-09-01T11:00:00.000Z', 'maturing');
    const other = response('p2', '2019-09-01T10:30:00.000Z');
    const step1 = mergeResponses(new Map(), [first, other]);
    expect(step1.outcomes).toEqual(['added', 'added']);
    const step2 = mergeResponses(step1.responses, [newer, first, other]);
    expect(step2.outcomes).toEqual(['replaced-older', 'older-ignored', 'unchanged']);
    expect(step2.responses.get('p1')?.ratings[0]?.level).toBe('maturing');
  });

  const file = fc
    .record({
      participant: fc.constantFrom('p1', 'p2', 'p3'),
      minute: fc.integer({ min: 0, max: 5 }),
      level: fc.option(fc.constantFrom(...LEVEL_IDS), { nil: null }),
    })
    .map(({ participant, minute, level }) =>
      response(participant, `2019-09-01T10:0${minute}:00.000Z`, level),
    );

  it('gives the same result whatever the order of the files', () => {
    fc.assert(
      fc.property(fc.array(file, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (files, keys) => {
        const shuffled = files
          .map((f) => ({ f, k: keys.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map(({ f }) => f);
        const a = mergeResponses(new Map(), files).responses;
        const b = mergeResponses(new Map(), shuffled).responses;
        expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
      }),
      { numRuns: 300 },
    );
  });

  it('importing the same files again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(file, { maxLength: 12 }), (files) => {
        const once = mergeResponses(new Map(), files);
        const twice = mergeResponses(once.responses, files);
        expect(twice.responses).toEqual(once.responses);
        expect(twice.outcomes.every((o) => o === 'unchanged' || o === 'older-ignored')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
