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
});
