import { describe, expect, it } from 'vitest';
import {
  isResponseDocumentId,
  responseDocumentId,
  responseTextOfDocument,
  toResponseDocument,
} from '@/domain/sync/response-document';
import { makeResponse } from '@/domain/workshop/response-file';

const response = (round?: 2) =>
  makeResponse({
    workshop: { id: 'w1', title: 'Board workshop' },
    framework: { id: 'ics-maturity-2019', version: '1.0.0' },
    participant: { id: 'p1', label: 'Ann', organisation: 'Trust', sector: 'acute-trust' },
    ratings: [{ criterionId: 'care.pcns', level: 'maturing', note: 'Why' }],
    submittedAt: '2020-01-01T10:00:00.000Z',
    ...(round ? { round } : {}),
  });

describe('a workshop response as a sync document', () => {
  it('is one document per participant and round, carrying the response file’s content', () => {
    expect(responseDocumentId(response())).toBe('response:w1:p1');
    expect(responseDocumentId(response(2))).toBe('response:w1:p1#2');
    expect(isResponseDocumentId('response:w1:p1')).toBe(true);
    expect(isResponseDocumentId('assessment:a1')).toBe(false);
    const doc = toResponseDocument(response());
    expect(JSON.parse(responseTextOfDocument(doc)!)).toEqual(response());
    expect(JSON.parse(responseTextOfDocument(toResponseDocument(response(2)))!)).toEqual(
      response(2),
    );
  });

  it('reads nothing from a document that is not a valid response, or claims another id', () => {
    const doc = toResponseDocument(response());
    expect(responseTextOfDocument(null)).toBeNull();
    expect(responseTextOfDocument({ ...doc, kind: 'assessment' })).toBeNull();
    expect(responseTextOfDocument({ ...doc, v: 2 })).toBeNull();
    expect(responseTextOfDocument({ ...doc, _id: 'response:w1:someone-else' })).toBeNull();
    const bad = { ...doc.response, ratings: [{ criterionId: 'care.pcns', level: 'excellent' }] };
    expect(responseTextOfDocument({ ...doc, response: bad })).toBeNull();
    expect(
      responseTextOfDocument({
        ...doc,
        response: { ...doc.response, submittedAt: '3000-01-01T00:00:00.000Z' },
      }),
    ).toBeNull();
  });
});
