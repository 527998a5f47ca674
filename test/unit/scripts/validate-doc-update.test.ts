import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAssessmentDocument } from '@/domain/sync/assessment-document';
import { toResponseDocument } from '@/domain/sync/response-document';
// @ts-expect-error -- plain ESM script (CouchDB's design document), no type declarations
import { validateDocUpdate as validateSource } from '../../../scripts/couchdb/validate-doc-update.mjs';
import { snapshotDocumentId } from '@/sync/regional';
import { assessmentContent } from '../../support/assessment-arbitraries';
import { sampleResponse } from '../../support/responses';
import { sampleSnapshot } from '../../support/snapshots';

/**
 * The function as CouchDB runs it: compiled from its source text alone (so it uses nothing from
 * around it), then called with a document, the old one and the user.
 */
const validate = new Function(`return (${(validateSource as () => void).toString()})`)() as (
  doc: unknown,
  old: unknown,
  user: { roles: string[] },
) => void;
const MEMBER = { roles: ['north-shire'] };
const refused = (doc: unknown, user = MEMBER) => {
  try {
    validate(doc, null, user);
    return null;
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? 'threw something else';
  }
};

describe('the CouchDB design document’s validate_doc_update', () => {
  it('accepts every document the app writes (property)', () => {
    fc.assert(
      fc.property(assessmentContent, (content) => {
        expect(refused(JSON.parse(JSON.stringify(toAssessmentDocument(content))))).toBeNull();
      }),
    );
  });

  it('accepts a participant’s workshop response, and refuses one that is malformed', () => {
    const response = sampleResponse();
    const doc = JSON.parse(JSON.stringify(toResponseDocument(response)));
    expect(refused(doc)).toBeNull();
    expect(
      refused(
        JSON.parse(JSON.stringify(toResponseDocument({ ...response, version: 2, round: 2 }))),
      ),
    ).toBeNull();
    expect(refused({ ...doc, _id: 'response:w1:someone-else' })).toMatch(/does not match/);
    expect(
      refused({
        ...doc,
        response: { ...doc.response, ratings: [{ level: 'excellent', note: '' }] },
      }),
    ).toMatch(/unknown level/);
    expect(refused({ ...doc, response: { ...doc.response, type: 'x' } })).toMatch(/no response/);
  });

  it('accepts a regional snapshot as the app publishes it, and refuses one altered', () => {
    const snapshot = sampleSnapshot('Westshire ICS', '2026-03-31', 'maturing');
    const doc = JSON.parse(JSON.stringify({ ...snapshot, _id: snapshotDocumentId(snapshot) }));
    expect(refused(doc)).toBeNull();
    expect(refused({ ...doc, _rev: '1-abc' })).toBeNull();
    const unassessed = sampleSnapshot('Eastshire ICS', '2025-03-31', null);
    expect(refused({ ...unassessed, _id: snapshotDocumentId(unassessed) })).toBeNull();

    expect(refused({ ...doc, notes: 'Dr X said' })).toMatch(/unknown field notes/);
    expect(refused({ ...doc, _id: 'snapshot:someone else:2026-03-31' })).toMatch(/does not match/);
    expect(refused({ ...doc, overall: 'excellent' })).toMatch(/unknown level/);
    expect(refused({ ...doc, criteria: [{ id: 'x', level: 'top' }] })).toMatch(/unknown level/);
    expect(refused({ ...doc, status: 'signed-off' })).toMatch(/unknown status/);
    expect(refused({ ...doc, version: 2 })).toMatch(/version/);
    expect(refused({ ...doc, system: { ...doc.system, name: ' ' } })).toMatch(/system name/);
  });

  it('accepts deletions', () => {
    expect(refused({ _id: 'assessment:a1', _deleted: true })).toBeNull();
  });

  it('refuses malformed documents, saying why', () => {
    const [content] = fc.sample(
      assessmentContent.filter((c) => c.ratings.length > 0),
      1,
    );
    const good = JSON.parse(JSON.stringify(toAssessmentDocument(content!)));
    const rating = good.ratings[0];
    expect(refused({ ...good, kind: 'other' })).toMatch(/unknown kind/);
    expect(refused({ ...good, _id: 'assessment:other' })).toMatch(/does not match/);
    expect(refused({ ...good, assessment: { ...good.assessment, systemName: '  ' } })).toMatch(
      /system name/,
    );
    expect(refused({ ...good, ratings: [{ ...rating, level: 'excellent' }] })).toMatch(/level/);
    expect(refused({ ...good, ratings: [rating, rating] })).toMatch(/twice/);
    expect(refused({ ...good, ratings: [{ ...rating, assessmentId: 'x' }] })).toMatch(
      /another assessment/,
    );
    expect(refused({ ...good, ratings: 'none' })).toMatch(/bad ratings/);
  });

  it('lets only an administrator change design documents', () => {
    expect(refused({ _id: '_design/ics-maturity' })).toMatch(/administrator/);
    expect(refused({ _id: '_design/ics-maturity' }, { roles: ['_admin'] })).toBeNull();
  });
});
