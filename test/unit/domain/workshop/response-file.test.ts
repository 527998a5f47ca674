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
import { workshopKey } from '@/domain/workshop/join-code';

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
    ['a newer version', JSON.stringify({ ...JSON.parse(valid), version: 3 }), 'newer-version'],
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
    byCode.workshop = { id: workshopKey('ws-1'), title: '' };
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

  describe('round 2 files', () => {
    const round2 = (participantId: string, submittedAt: string, level: LevelId): ResponseFile => ({
      ...response(participantId, submittedAt, level),
      version: 2,
      round: 2,
    });

    it('writes a round 1 file as before and a round 2 file as version 2 with its round', () => {
      const base = {
        workshop: { id: 'ws-1', title: 'Northshire board workshop' },
        framework: { id: 'ics-maturity-2019', version: '1.0.0' },
        participant: { id: 'p1', label: 'P1', organisation: '', sector: 'other' as const },
        ratings: [{ criterionId: 'care.pcns', level: 'maturing' as const, note: '' }],
        submittedAt: '2019-09-01T10:00:00.000Z',
      };
      const first = makeResponse(base);
      expect(first.version).toBe(1);
      expect('round' in first).toBe(false);
      const second = makeResponse({ ...base, round: 2 });
      expect(second).toMatchObject({ version: 2, round: 2 });
      const read = readResponse(JSON.stringify(second), WORKSHOP);
      expect(read.ok && read.value.round).toBe(2);
    });

    it.each([
      ['version 2 without a round', { version: 2 }],
      ['version 1 claiming round 2', { version: 1, round: 2 }],
      ['round 3', { version: 2, round: 3 }],
    ])('refuses %s', (_name, change) => {
      const text = JSON.stringify({ ...response('p1', '2019-09-01T10:00:00.000Z'), ...change });
      const result = readResponse(text, WORKSHOP);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem.code).toBe('invalid');
    });

    it('keeps a participant’s round 1 and round 2 files apart: neither replaces the other', () => {
      const first = response('p1', '2019-09-01T10:00:00.000Z', 'emerging');
      const second = round2('p1', '2019-09-01T09:00:00.000Z', 'maturing');
      const newerSecond = round2('p1', '2019-09-01T11:00:00.000Z', 'thriving');
      const merged = mergeResponses(new Map(), [second, first, newerSecond, second]);
      expect(merged.outcomes).toEqual(['added', 'added', 'replaced-older', 'older-ignored']);
      expect([...merged.responses.keys()].sort()).toEqual(['p1', 'p1#2']);
      expect(merged.responses.get('p1')).toBe(first);
      expect(merged.responses.get('p1#2')).toBe(newerSecond);
    });

    it('mixes round 1 and round 2 files in any order with the same result', () => {
      const either = fc
        .tuple(
          fc.constantFrom('p1', 'p2'),
          fc.integer({ min: 0, max: 5 }),
          fc.constantFrom(...LEVEL_IDS),
          fc.boolean(),
        )
        .map(([participant, minute, level, isRound2]) =>
          (isRound2 ? round2 : response)(participant, `2019-09-01T10:0${minute}:00.000Z`, level),
        );
      fc.assert(
        fc.property(fc.array(either, { maxLength: 12 }), (files) => {
          const a = mergeResponses(new Map(), files).responses;
          const b = mergeResponses(new Map(), [...files].reverse()).responses;
          expect(new Map([...b].sort())).toEqual(new Map([...a].sort()));
          expect(mergeResponses(a, files).responses).toEqual(a);
        }),
        { numRuns: 300 },
      );
    });
  });
});
