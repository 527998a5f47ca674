import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentDocumentId,
  assessmentIdOfDocument,
  readAssessmentDocument,
  sameContent,
  toAssessmentDocument,
} from '@/domain/sync/assessment-document';
import { assessmentContent } from '../../../support/assessment-arbitraries';

describe('assessment documents', () => {
  it('round-trips any valid assessment through a document, as JSON, unchanged', () => {
    fc.assert(
      fc.property(assessmentContent, (content) => {
        const travelled: unknown = JSON.parse(JSON.stringify(toAssessmentDocument(content)));
        const read = readAssessmentDocument(travelled);
        expect(read.ok).toBe(true);
        if (read.ok) expect(sameContent(read.value, content)).toBe(true);
      }),
    );
  });

  it('gives the same document whatever order the ratings come in', () => {
    fc.assert(
      fc.property(assessmentContent, (content) => {
        const reversed = { ...content, ratings: [...content.ratings].reverse() };
        expect(toAssessmentDocument(reversed)).toEqual(toAssessmentDocument(content));
      }),
    );
  });

  it('ignores CouchDB fields, and keys the document by the assessment', () => {
    fc.assert(
      fc.property(assessmentContent, (content) => {
        const document = { ...toAssessmentDocument(content), _rev: '3-abc', _conflicts: ['2-x'] };
        expect(document._id).toBe(assessmentDocumentId(content.assessment.id));
        expect(assessmentIdOfDocument(document._id)).toBe(content.assessment.id);
        expect(readAssessmentDocument(document).ok).toBe(true);
      }),
    );
    expect(assessmentIdOfDocument('response:w1:p1')).toBeNull();
    expect(assessmentIdOfDocument('assessment:')).toBeNull();
  });

  it('refuses what is not a valid assessment, saying why', () => {
    const [content] = fc.sample(
      assessmentContent.filter((c) => c.ratings.length > 0),
      1,
    );
    const document = toAssessmentDocument(content!);
    expect(readAssessmentDocument(null)).toEqual({ ok: false, problem: 'not-an-assessment' });
    expect(readAssessmentDocument({ ...document, kind: 'response' })).toEqual({
      ok: false,
      problem: 'not-an-assessment',
    });
    expect(readAssessmentDocument({ ...document, v: 2 })).toEqual({
      ok: false,
      problem: 'newer-version',
    });
    expect(
      readAssessmentDocument({
        ...document,
        assessment: { ...document.assessment, asAt: '1899-01-01' },
      }),
    ).toEqual({ ok: false, problem: 'malformed' });
    expect(readAssessmentDocument({ ...document, _id: 'assessment:someone-else' })).toEqual({
      ok: false,
      problem: 'mismatched-id',
    });
    const stray = { ...document.ratings[0]!, assessmentId: 'another' };
    expect(readAssessmentDocument({ ...document, ratings: [stray] })).toEqual({
      ok: false,
      problem: 'malformed',
    });
    const twice = [document.ratings[0]!, document.ratings[0]!];
    expect(readAssessmentDocument({ ...document, ratings: twice })).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });

  it('tells different content apart', () => {
    fc.assert(
      fc.property(assessmentContent, (content) => {
        const renamed = {
          ...content,
          assessment: { ...content.assessment, title: `${content.assessment.title}!` },
        };
        expect(sameContent(renamed, content)).toBe(false);
      }),
    );
  });
});
