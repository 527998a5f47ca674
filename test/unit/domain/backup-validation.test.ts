import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEvidenceUrl, checkIsoDate } from '@/domain/assessment';
import { readBackup, type Backup } from '@/domain/backup/backup-format';
import { frameworkKey } from '@/domain/framework/framework-key';
import { readInvitation } from '@/domain/workshop/invitation';
import {
  readResponse,
  RESPONSE_TYPE,
  type WorkshopIdentity,
} from '@/domain/workshop/response-file';
import { toScoringInput } from '@/domain/scoring/scoring-input';
import { scoreAssessment } from '@/domain/scoring/score-assessment';
import { appDate, CLOCK_SKEW_MS, evidenceUrl, isPastTime } from '@/domain/validation';
import { KNOWN_FRAMEWORKS, shippedFramework } from '../../support/framework';

/**
 * One set of rules for what the editor accepts and what files may carry;
 * anything a file may carry passes the checks the screens rely on. Each hostile backup is refused
 * for the reason it was made for: test/unit/domain/backup/backup-format.test.ts.
 */
const valid = (name: string): string =>
  readFileSync(new URL(`../../fixtures/backups/valid/${name}`, import.meta.url), 'utf8');

describe('files and the editor share one set of field rules', () => {
  const dates = [
    '2019-06-30',
    '2000-01-01',
    '2100-12-31',
    '1999-12-31',
    '2101-01-01',
    '2021-02-29',
    '2021-2-1',
    '',
    '0000-01-01',
  ];
  it.each(dates)('date %s: the file rule agrees with checkIsoDate', (value) => {
    expect(appDate.safeParse(value).success).toBe(checkIsoDate(value) === null);
  });
  const links = [
    '',
    'https://example.nhs.uk/a.pdf',
    'http://intranet/doc',
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    'not a link',
  ];
  it.each(links)('link %j: the file rule agrees with checkEvidenceUrl', (value) => {
    expect(evidenceUrl.safeParse(value).success).toBe(checkEvidenceUrl(value) === null);
  });
});

describe('response files', () => {
  const WORKSHOP: WorkshopIdentity = {
    id: 'ws-1',
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
    criterionIds: new Set(['care.pcns']),
    frameworkCriterionIds: new Set(['care.pcns']),
  };
  const file = (submittedAt: string): string =>
    JSON.stringify({
      type: RESPONSE_TYPE,
      version: 1,
      workshop: { id: 'ws-1', title: 'Workshop' },
      framework: { id: 'ics-maturity-2019', version: '1.0.0' },
      participant: { id: 'p-1', label: 'Council director', organisation: '', sector: 'other' },
      submittedAt,
      ratings: [{ criterionId: 'care.pcns', level: 'maturing', note: '' }],
    });

  it('refuses a file dated in the future (9999) or before 2000, so it cannot block later files', () => {
    for (const date of ['9999-12-31T00:00:00.000Z', '1970-01-01T00:00:00.000Z'])
      expect(readResponse(file(date), WORKSHOP)).toMatchObject({
        ok: false,
        problem: { code: 'invalid', path: 'submittedAt' },
      });
    expect(readResponse(file(new Date().toISOString()), WORKSHOP).ok).toBe(true);
  });
});

describe('invitation files', () => {
  it('refuse a workshop date outside 2000–2100, like the set-up form', () => {
    const invitation = (date: string): string =>
      JSON.stringify({
        type: 'ics-maturity-workshop-invitation',
        version: 1,
        workshop: { id: 'ws-1', title: 'W', date, facilitator: '', isAnonymous: false },
        framework: { id: 'ics-maturity-2019', version: '1.0.0' },
        criterionIds: ['care.pcns'],
      });
    expect(readInvitation(invitation('2019-09-12')).ok).toBe(true);
    for (const date of ['1999-12-31', '2101-01-01', '2021-02-30'])
      expect(readInvitation(invitation(date))).toEqual({
        ok: false,
        problem: { code: 'invalid', path: 'workshop.date', detail: expect.any(String) },
      });
  });
});

/** What every screen relies on in stored data. */
function screensCanShow(backup: Backup): void {
  const { data } = backup;
  const times: number[] = [
    ...data.assessments.flatMap((a) => [a.createdAt, a.updatedAt, ...Object.values(a.stamps)]),
    ...data.ratings.flatMap((r) => [r.updatedAt, ...Object.values(r.stamps)]),
    ...data.targets.map((t) => t.updatedAt),
    ...data.actions.flatMap((a) => [a.createdAt, a.updatedAt]),
    ...data.workshops.flatMap((w) => [w.createdAt, w.updatedAt]),
    ...data.participants.map((p) => p.createdAt),
    ...data.individualRatings.map((r) => r.ratedAt),
    ...data.agreements.map((a) => a.agreedAt),
  ].filter((t): t is number => t !== undefined);
  for (const t of times) {
    expect(isPastTime(t)).toBe(true);
    expect(() => new Date(t).toISOString()).not.toThrow();
  }
  const dates = [
    ...data.assessments.map((a) => a.asAt),
    ...data.targets.map((t) => t.date),
    ...data.actions.flatMap((a) => [a.dueDate, a.milestoneDate ?? '2020-01-01']),
    ...data.workshops.map((w) => w.date),
  ];
  for (const date of dates) expect(checkIsoDate(date)).toBeNull();
  for (const r of data.responseFiles)
    expect(isPastTime(Date.parse(r.content.submittedAt))).toBe(true);
  for (const assessment of data.assessments) {
    const key = frameworkKey(assessment.frameworkId, assessment.frameworkVersion);
    const framework = KNOWN_FRAMEWORKS.get(key);
    expect(framework).toBeDefined();
    const ratings = data.ratings.filter((r) => r.assessmentId === assessment.id);
    for (const r of ratings) {
      expect(framework!.criterionIds.has(r.criterionId)).toBe(true);
      expect(new Set(r.evidence.map((e) => e.id)).size).toBe(r.evidence.length);
      for (const e of r.evidence) expect(checkEvidenceUrl(e.url)).toBeNull();
    }
    expect(() => scoreAssessment(shippedFramework, toScoringInput(ratings))).not.toThrow();
  }
  for (const w of data.workshops) {
    const people = new Set(data.participants.filter((p) => p.workshopId === w.id).map((p) => p.id));
    for (const r of data.individualRatings.filter((x) => x.workshopId === w.id))
      expect(people.has(r.participantId)).toBe(true);
  }
}

describe('any accepted file leaves every screen able to show it', () => {
  it('holds for 1,500 files with hostile values put anywhere', () => {
    const original = JSON.parse(valid('workshop-2019.json')) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (value && typeof value === 'object')
        Object.entries(value).forEach(([k, v]) => walk(v, [...path, k]));
    };
    walk(original, []);
    const hostile = fc.constantFrom<unknown>(
      9e15,
      8.64e15,
      Number.MAX_SAFE_INTEGER,
      4_102_444_800_000,
      Date.now() + 3 * CLOCK_SKEW_MS,
      -1,
      0.5,
      '9.9.9',
      '1.0.0',
      '1999-12-31',
      '2101-01-01',
      '2100-12-31',
      '9999-12-31T00:00:00.000Z',
      'javascript:alert(1)',
      'data:text/html,x',
      'ev-1',
      'care.unknown',
      'care.pcns',
      'leadership',
      'nobody',
      null,
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(paths.length - 1), hostile, (index, value) => {
        const copy = structuredClone(original);
        const path = paths[index] ?? [];
        if (path.length === 0) return;
        let parent = copy as Record<string | number, unknown>;
        for (const key of path.slice(0, -1))
          parent = parent[key] as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = value;
        const result = readBackup(JSON.stringify(copy), KNOWN_FRAMEWORKS);
        if (!result.ok) return;
        accepted += 1;
        screensCanShow(result.value);
      }),
      { numRuns: 1_500 },
    );
    // Some mutations are harmless (a note set to "care.pcns"): the property is not vacuous.
    expect(accepted).toBeGreaterThan(0);
  }, 60_000);

  it('holds for the valid corpus', () => {
    for (const name of ['northshire-2021.json', 'workshop-2019.json', 'html-everywhere.json']) {
      const result = readBackup(valid(name), KNOWN_FRAMEWORKS);
      expect(result.ok).toBe(true);
      if (result.ok) screensCanShow(result.value);
    }
  });
});
