import { emptyRating } from '@/domain/assessment';
import { applyEvidence, applyPatch } from './apply-patch';
import { refreshSummaries, summaryTables } from './assessment-summaries';
import { getDb } from './db';
import { putRatings, readRating } from './rating-sets';
import type { Edit } from './edits';
import type {
  AgreementRecord,
  AssessmentRecord,
  DraftRecord,
  IndividualRatingRecord,
  JoinedWorkshopRecord,
  RatingRecord,
  Stamps,
  WorkshopRecord,
} from './schema';

/**
 * Writes a batch of autosaved edits in one transaction. Each field only lands if it is not older
 * than what is stored (per-field stamps), so an older tab or a replayed journal entry never
 * overwrites a newer answer. Edits of records that no longer exist are dropped, so a stale tab
 * cannot bring a deleted assessment or workshop back.
 */
export async function applyEdits(edits: readonly Edit[]): Promise<void> {
  const db = getDb();
  const ordered = [...edits].sort((a, b) => a.editedAt - b.editedAt);
  await db.transaction(
    'rw',
    [
      ...summaryTables(db),
      db.workshops,
      db.individualRatings,
      db.agreements,
      db.joinedWorkshops,
      db.drafts,
    ],
    async () => {
      const batch = new Batch();
      for (const edit of ordered) await batch.apply(edit);
      await batch.save();
    },
  );
}

/** Reads each record once, applies every edit of the batch to it, and writes each once. */
class Batch {
  private readonly db = getDb();
  private assessments = new Map<string, AssessmentRecord | null>();
  private ratings = new Map<string, RatingRecord>();
  private workshops = new Map<string, WorkshopRecord | null>();
  private individual = new Map<string, IndividualRatingRecord>();
  private agreements = new Map<string, AgreementRecord>();
  private joined = new Map<string, JoinedWorkshopRecord | null>();
  private drafts = new Map<string, DraftRecord>();
  private dirty = new Set<string>();

  async apply(edit: Edit): Promise<void> {
    switch (edit.kind) {
      case 'assessment': {
        const assessment = await this.assessment(edit.assessmentId);
        if (!assessment) return;
        const { record } = applyPatch(assessment, { [edit.field]: edit.value }, edit.editedAt);
        this.setAssessment(record);
        return;
      }
      case 'rating':
      case 'evidence': {
        const assessment = await this.assessment(edit.assessmentId);
        if (!assessment) return;
        const current = await this.rating(edit.assessmentId, edit.criterionId);
        const next =
          edit.kind === 'rating'
            ? applyPatch(current, { [edit.field]: edit.value }, edit.editedAt).record
            : applyEvidence(current, edit);
        if (next === current) return;
        this.ratings.set(`${edit.assessmentId}|${edit.criterionId}`, next);
        this.dirty.add('ratings');
        this.setAssessment({
          ...assessment,
          updatedAt: Math.max(assessment.updatedAt, edit.editedAt),
        });
        return;
      }
      case 'individual': {
        if (!(await this.touchWorkshop(edit.workshopId, edit.editedAt))) return;
        const key = `${edit.workshopId}|${edit.participantId}|${edit.criterionId}`;
        const current = this.individual.get(key) ??
          (await this.db.individualRatings.get([
            edit.workshopId,
            edit.participantId,
            edit.criterionId,
          ])) ?? {
            workshopId: edit.workshopId,
            participantId: edit.participantId,
            criterionId: edit.criterionId,
            level: null,
            note: '',
            ratedAt: 0,
          };
        if (edit.field === 'round2Note') {
          // Round 2's note (issue 12) sits with the round 2 vote; round 1 is left as it is.
          if ((current.stamps?.round2Note ?? 0) > edit.editedAt) return;
          this.individual.set(key, {
            ...current,
            round2: {
              level: null,
              ratedAt: edit.editedAt,
              ...current.round2,
              note: String(edit.value),
            },
            stamps: { ...current.stamps, round2Note: edit.editedAt },
          });
          this.dirty.add('individual');
          return;
        }
        const next = stampField(current, edit.field, edit.value, edit.editedAt);
        if (!next) return;
        this.individual.set(key, { ...next, ratedAt: Math.max(next.ratedAt, edit.editedAt) });
        this.dirty.add('individual');
        return;
      }
      case 'agreement': {
        const workshop = await this.touchWorkshop(edit.workshopId, edit.editedAt);
        if (!workshop) return;
        const key = `${edit.workshopId}|${edit.criterionId}`;
        const current = this.agreements.get(key) ??
          (await this.db.agreements.get([edit.workshopId, edit.criterionId])) ?? {
            workshopId: edit.workshopId,
            criterionId: edit.criterionId,
            level: null,
            rationale: '',
            dissent: '',
            agreedAt: edit.editedAt,
          };
        const next = stampField(current, edit.field, edit.value, edit.editedAt);
        if (!next) return;
        this.agreements.set(key, next);
        this.dirty.add('agreements');
        // Once a level is agreed, its rationale is the assessment's rationale (as when recorded).
        if (edit.field === 'rationale' && next.level !== null && next.rationale !== '') {
          await this.apply({
            kind: 'rating',
            assessmentId: workshop.assessmentId,
            criterionId: edit.criterionId,
            field: 'rationale',
            value: next.rationale,
            editedAt: edit.editedAt,
          });
        }
        return;
      }
      case 'joined': {
        const record = await this.joinedWorkshop(edit.workshopId);
        if (!record) return;
        const stampKey = `${edit.criterionId}:${edit.field}`;
        if ((record.stamps?.[stampKey] ?? 0) > edit.editedAt) return;
        if (edit.field === 'round2Note') {
          // Round 2's note (issue 12): only once this device has a round 2 with this criterion.
          const round2 = record.round2;
          if (!round2?.criterionIds.includes(edit.criterionId)) return;
          const before = round2.ratings.find((r) => r.criterionId === edit.criterionId);
          const order = new Map(round2.criterionIds.map((id, index) => [id, index]));
          const ratings = [
            ...round2.ratings.filter((r) => r.criterionId !== edit.criterionId),
            { criterionId: edit.criterionId, level: null, ...before, note: String(edit.value) },
          ].sort((a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0));
          this.joined.set(edit.workshopId, {
            ...record,
            round2: { ...round2, ratings },
            stamps: { ...record.stamps, [stampKey]: edit.editedAt },
            updatedAt: Math.max(record.updatedAt, edit.editedAt),
          });
          this.dirty.add('joined');
          return;
        }
        const old = record.ratings.find((r) => r.criterionId === edit.criterionId);
        const rating = { criterionId: edit.criterionId, level: null, note: '', ...old };
        const changed = { ...rating, [edit.field]: edit.value } as typeof rating;
        const order = new Map(record.criterionIds.map((id, index) => [id, index]));
        const ratings = [
          ...record.ratings.filter((r) => r.criterionId !== edit.criterionId),
          changed,
        ].sort((a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0));
        this.joined.set(edit.workshopId, {
          ...record,
          ratings,
          stamps: { ...record.stamps, [stampKey]: edit.editedAt },
          updatedAt: Math.max(record.updatedAt, edit.editedAt),
        });
        this.dirty.add('joined');
        return;
      }
      case 'draft': {
        const current = this.drafts.get(edit.form) ??
          (await this.db.drafts.get(edit.form)) ?? {
            form: edit.form,
            values: {},
            stamps: {},
            updatedAt: 0,
          };
        if ((current.stamps[edit.field] ?? 0) > edit.editedAt) return;
        this.drafts.set(edit.form, {
          ...current,
          values: { ...current.values, [edit.field]: edit.value },
          stamps: { ...current.stamps, [edit.field]: edit.editedAt },
          updatedAt: Math.max(current.updatedAt, edit.editedAt),
        });
        this.dirty.add('drafts');
        return;
      }
    }
  }

  async save(): Promise<void> {
    const { db, dirty } = this;
    const present = <T>(rows: Iterable<T | null>): T[] =>
      [...rows].filter((row): row is T => row !== null);
    // Assessments and ratings, then their summaries (in the same transaction, from what was put).
    const assessments = dirty.has('assessments') ? present(this.assessments.values()) : [];
    if (assessments.length > 0) await db.assessments.bulkPut(assessments);
    const ratingSets = dirty.has('ratings') ? await putRatings(db, [...this.ratings.values()]) : [];
    await refreshSummaries(
      db,
      [...assessments.map((a) => a.id), ...ratingSets.map((s) => s.assessmentId)],
      { assessments, ratingSets },
    );
    if (dirty.has('workshops')) await db.workshops.bulkPut(present(this.workshops.values()));
    if (dirty.has('individual')) await db.individualRatings.bulkPut([...this.individual.values()]);
    if (dirty.has('agreements')) await db.agreements.bulkPut([...this.agreements.values()]);
    if (dirty.has('joined')) await db.joinedWorkshops.bulkPut(present(this.joined.values()));
    if (dirty.has('drafts')) await db.drafts.bulkPut([...this.drafts.values()]);
  }

  private async assessment(id: string): Promise<AssessmentRecord | null> {
    if (!this.assessments.has(id))
      this.assessments.set(id, (await this.db.assessments.get(id)) ?? null);
    return this.assessments.get(id) ?? null;
  }

  private setAssessment(record: AssessmentRecord): void {
    this.assessments.set(record.id, record);
    this.dirty.add('assessments');
  }

  private async rating(assessmentId: string, criterionId: string): Promise<RatingRecord> {
    const key = `${assessmentId}|${criterionId}`;
    return (
      this.ratings.get(key) ??
      (await readRating(this.db, assessmentId, criterionId)) ?? {
        ...emptyRating(assessmentId, criterionId),
        stamps: {},
      }
    );
  }

  /** The workshop, marked as changed at `at` (workshop activity is a change of the workshop). */
  private async touchWorkshop(id: string, at: number): Promise<WorkshopRecord | null> {
    if (!this.workshops.has(id)) this.workshops.set(id, (await this.db.workshops.get(id)) ?? null);
    const workshop = this.workshops.get(id) ?? null;
    if (!workshop) return null;
    if (workshop.updatedAt < at) {
      this.workshops.set(id, { ...workshop, updatedAt: at });
      this.dirty.add('workshops');
    }
    return workshop;
  }

  private async joinedWorkshop(id: string): Promise<JoinedWorkshopRecord | null> {
    if (!this.joined.has(id)) this.joined.set(id, (await this.db.joinedWorkshops.get(id)) ?? null);
    return this.joined.get(id) ?? null;
  }
}

/** Sets one stamped field of a record; null when the stored field is newer than the edit. */
function stampField<R extends { stamps?: Stamps<string> }>(
  record: R,
  field: string,
  value: unknown,
  at: number,
): R | null {
  if ((record.stamps?.[field] ?? 0) > at) return null;
  return { ...record, [field]: value, stamps: { ...record.stamps, [field]: at } };
}
