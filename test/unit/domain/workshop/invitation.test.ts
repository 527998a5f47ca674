import { describe, expect, it } from 'vitest';
import { makeInvitation, readInvitation } from '@/domain/workshop/invitation';
import { makeResponse } from '@/domain/workshop/response-file';

describe('invitation files', () => {
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
      JSON.stringify(
        makeResponse({
          workshop: { id: 'ws-1', title: 'Board workshop' },
          framework: { id: 'ics-maturity-2019', version: '1.0.0' },
          participant: { id: 'p1', label: 'P1', organisation: 'Trust', sector: 'acute-trust' },
          ratings: [{ criterionId: 'care.pcns', level: 'developing', note: '' }],
          submittedAt: '2019-09-01T10:00:00.000Z',
        }),
      ),
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
});
