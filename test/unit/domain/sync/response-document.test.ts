import { describe, expect, it } from 'vitest';
import {
  isResponseDocumentId,
  responseDocumentId,
  responseTextOfDocument,
  toResponseDocument,
} from '@/domain/sync/response-document';
import { sampleResponse } from '../../../support/responses';

const response = (round?: 2) => sampleResponse(round ? { round } : {});

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
