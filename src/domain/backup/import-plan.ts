import { canonical } from '../canonical';
import type { BackupData } from './backup-format';
import { RECORD_KINDS, type RecordKind } from './record-kinds';

/**
 * What restoring a backup would do, before anything is written, and the records to write for a
 * chosen rule. Pure.
 *
 * Restoring never deletes anything and never moves a record to another owner:
 * - An assessment and its ratings are compared as a whole (conflicts); the rule decides which copy
 *   of them is kept. Ratings this device has and the file does not are kept.
 * - Workshops are compared record by record in their own right (workshop, participants, private
 *   ratings, agreements, imported response files): with "keep the newer" each record keeps the
 *   copy changed last, so workshop activity on this device is never lost to an older file, and a
 *   workshop this device has and the file does not is left as it is.
 * - Targets and actions follow the same rule as assessments, record by record; "skip" keeps this
 *   device's copy of them too.
 * - A workshop, participant, target or action id in the file that belongs to another assessment, workshop
 *   or system here is re-keyed (the file's record gets a new id), never merged into that record.
 */
export type ConflictChoice = 'keep-newer' | 'keep-both' | 'skip';

export type Conflict = {
  id: string;
  title: string;
  systemName: string;
  localUpdatedAt: number;
  incomingUpdatedAt: number;
};

export type ImportPreview = {
  added: { id: string; title: string; systemName: string }[];
  identical: number;
  conflicts: Conflict[];
  targets: { added: number; replaced: number };
  actions: { added: number; replaced: number };
  /** Workshops in the file. */
  workshops: number;
};

type Snapshot = BackupData;
export { RECORD_KINDS, type RecordKind } from './record-kinds';

/**
 * Per record kind: `added` (new here), `replaced` (this device's copy is overwritten) and `kept`
 * (the file's copy differs, this device's copy stays). Nothing is ever removed.
 */
export type KindCounts = { added: number; replaced: number; kept: number };

export type ImportPlan = {
  /** The records to write (put by key). */
  put: Snapshot;
  counts: Record<RecordKind, KindCounts>;
  /** Records of the file given a new id because theirs belongs to something else here. */
  rekeyed: number;
};

type WorkshopFamily = Pick<
  Snapshot,
  'workshops' | 'participants' | 'individualRatings' | 'agreements' | 'responseFiles'
>;

const emptySnapshot = (): Snapshot => ({
  assessments: [],
  ratings: [],
  targets: [],
  actions: [],
  workshops: [],
  participants: [],
  individualRatings: [],
  agreements: [],
  responseFiles: [],
});

/**
 * A snapshot's records grouped by the assessment they belong to, built once per call (a lookup per
 * assessment, not a scan of every table per assessment: 1,000 assessments with 24,000 ratings
 * would otherwise take 24 million steps).
 */
type ByAssessment = {
  assessments: Map<string, Snapshot['assessments'][number]>;
  ratings: Map<string, Snapshot['ratings']>;
  families: Map<string, WorkshopFamily>;
};

function groupByAssessment(data: Snapshot): ByAssessment {
  const assessments = new Map(data.assessments.map((a) => [a.id, a]));
  const ratings = new Map<string, Snapshot['ratings']>();
  for (const rating of data.ratings) {
    const rows = ratings.get(rating.assessmentId);
    if (rows) rows.push(rating);
    else ratings.set(rating.assessmentId, [rating]);
  }
  const families = new Map<string, WorkshopFamily>();
  const familyOfWorkshop = new Map<string, WorkshopFamily>();
  for (const workshop of data.workshops) {
    let family = families.get(workshop.assessmentId);
    if (!family) {
      family = {
        workshops: [],
        participants: [],
        individualRatings: [],
        agreements: [],
        responseFiles: [],
      };
      families.set(workshop.assessmentId, family);
    }
    family.workshops.push(workshop);
    familyOfWorkshop.set(workshop.id, family);
  }
  for (const kind of ['participants', 'individualRatings', 'agreements', 'responseFiles'] as const)
    for (const row of data[kind])
      (familyOfWorkshop.get(row.workshopId)?.[kind] as unknown[] | undefined)?.push(row);
  return { assessments, ratings, families };
}

const NO_FAMILY: WorkshopFamily = {
  workshops: [],
  participants: [],
  individualRatings: [],
  agreements: [],
  responseFiles: [],
};

/** An assessment's workshops and everything recorded in them. */
function workshopsOf(data: ByAssessment, assessmentId: string): WorkshopFamily {
  return data.families.get(assessmentId) ?? NO_FAMILY;
}

/** An assessment with all that belongs to it, in a form where equal data gives equal text. */
function assessmentWithRatings(data: ByAssessment, id: string): string {
  const assessment = data.assessments.get(id);
  const ratings = data.ratings.get(id) ?? [];
  const family = workshopsOf(data, id);
  const sorted = (rows: unknown[]): string[] => rows.map(canonical).sort();
  return canonical({
    assessment,
    ratings: sorted(ratings),
    ...Object.fromEntries(Object.entries(family).map(([table, rows]) => [table, sorted(rows)])),
  });
}

/**
 * Whether the file's copy of an assessment (with all that belongs to it) equals this device's.
 * Plain JSON equal (ratings in criterion order) is equal for certain, and is the usual case (a
 * file made on this device); otherwise the canonical forms, which ignore key and row order, decide.
 */
function sameAssessment(file: ByAssessment, here: ByAssessment, id: string): boolean {
  const byCriterion = (rows: Snapshot['ratings']) =>
    [...rows].sort((a, b) =>
      a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0,
    );
  const plain = (data: ByAssessment): string =>
    JSON.stringify([
      data.assessments.get(id),
      byCriterion(data.ratings.get(id) ?? []),
      workshopsOf(data, id),
    ]);
  return (
    plain(file) === plain(here) ||
    assessmentWithRatings(file, id) === assessmentWithRatings(here, id)
  );
}

/**
 * The workshops of an assessment copied under new ids ("keep both"), so that they cannot collide
 * with the originals. Response files are left behind: they only make re-importing the same file
 * idempotent, and they name the original workshop.
 */
function copyWorkshops(family: WorkshopFamily, assessmentId: string, newId: () => string) {
  const ids = new Map<string, string>();
  const remap = (old: string): string => {
    let id = ids.get(old);
    if (id === undefined) ids.set(old, (id = newId()));
    return id;
  };
  return {
    workshops: family.workshops.map((w) => ({ ...w, id: remap(w.id), assessmentId })),
    ...withNewIds(family, remap, remap),
    responseFiles: [],
  };
}

/**
 * A workshop's participants, private ratings and agreements with workshop ids replaced by
 * `workshopId` and participant ids by `participantId`, wherever they stand.
 */
function withNewIds(
  family: Pick<Snapshot, 'participants' | 'individualRatings' | 'agreements'>,
  workshopId: (id: string) => string,
  participantId: (id: string) => string,
) {
  return {
    participants: family.participants.map((p) => ({
      ...p,
      id: participantId(p.id),
      workshopId: workshopId(p.workshopId),
    })),
    individualRatings: family.individualRatings.map((r) => ({
      ...r,
      workshopId: workshopId(r.workshopId),
      participantId: participantId(r.participantId),
    })),
    agreements: family.agreements.map((a) => ({ ...a, workshopId: workshopId(a.workshopId) })),
  };
}

/**
 * The file with every workshop, participant and action id that already belongs to another
 * assessment, workshop or system on this device replaced by a new id (and the references to it).
 * Imported response files of a re-keyed workshop or participant are left behind: they name the
 * original ids. Exported for tests.
 */
export function rekeyCollisions(
  incoming: Snapshot,
  local: Snapshot,
  newId: () => string,
): { data: Snapshot; rekeyed: number } {
  let rekeyed = 0;
  const localWorkshops = new Map(local.workshops.map((w) => [w.id, w]));
  const workshopIds = new Map<string, string>();
  for (const w of incoming.workshops) {
    const mine = localWorkshops.get(w.id);
    if (mine && mine.assessmentId !== w.assessmentId) {
      workshopIds.set(w.id, newId());
      rekeyed += 1;
    }
  }
  const workshopId = (id: string): string => workshopIds.get(id) ?? id;
  const localParticipants = new Map(local.participants.map((p) => [p.id, p]));
  const participantIds = new Map<string, string>();
  for (const p of incoming.participants) {
    const mine = localParticipants.get(p.id);
    if (mine && mine.workshopId !== workshopId(p.workshopId)) {
      participantIds.set(p.id, newId());
      rekeyed += 1;
    }
  }
  const participantId = (id: string): string => participantIds.get(id) ?? id;
  const ofOtherSystems = <T extends { id: string; systemKey: string }>(
    rows: T[],
    localRows: T[],
  ): T[] => {
    const mine = new Map(localRows.map((r) => [r.id, r]));
    return rows.map((r) => {
      const here = mine.get(r.id);
      if (!here || here.systemKey === r.systemKey) return r;
      rekeyed += 1;
      return { ...r, id: newId() };
    });
  };
  const actions = ofOtherSystems(incoming.actions, local.actions);
  const targets = ofOtherSystems(incoming.targets, local.targets);
  if (rekeyed === 0) return { data: incoming, rekeyed };
  return {
    rekeyed,
    data: {
      ...incoming,
      actions,
      targets,
      workshops: incoming.workshops.map((w) => ({ ...w, id: workshopId(w.id) })),
      ...withNewIds(incoming, workshopId, participantId),
      responseFiles: incoming.responseFiles.filter(
        (r) => !workshopIds.has(r.workshopId) && !participantIds.has(r.participantId),
      ),
    },
  };
}

export function previewImport(incoming: Snapshot, local: Snapshot): ImportPreview {
  const file = groupByAssessment(incoming);
  const here = groupByAssessment(local);
  const preview: ImportPreview = {
    added: [],
    identical: 0,
    conflicts: [],
    targets: { added: 0, replaced: 0 },
    actions: { added: 0, replaced: 0 },
    workshops: incoming.workshops.length,
  };
  for (const assessment of incoming.assessments) {
    const mine = here.assessments.get(assessment.id);
    if (!mine) {
      preview.added.push({
        id: assessment.id,
        title: assessment.title,
        systemName: assessment.systemName,
      });
    } else if (sameAssessment(file, here, assessment.id)) {
      preview.identical += 1;
    } else {
      preview.conflicts.push({
        id: assessment.id,
        title: assessment.title,
        systemName: assessment.systemName,
        localUpdatedAt: mine.updatedAt,
        incomingUpdatedAt: assessment.updatedAt,
      });
    }
  }
  // Targets and actions as "keep the newer" would write them (the assessments are counted above).
  const plan = planTables(incoming, local, 'keep-newer', () => '', { assessments: false });
  for (const table of ['targets', 'actions'] as const) {
    preview[table] = {
      added: plan.counts[table].added,
      replaced: plan.counts[table].replaced + plan.counts[table].kept,
    };
  }
  return preview;
}

/**
 * The records to write for a chosen rule, and how many of each kind are added, replaced or kept
 * as on this device. "keep-newer" keeps whichever copy was changed last (workshop records one by
 * one, by their own times; on equal times the assessment's winner decides); "keep-both" adds the
 * file's copy of a differing assessment (and of a differing target or action) under a new id; "skip" keeps
 * this device's copy of everything that differs. New records are added with every rule.
 */
export function planImport(
  file: Snapshot,
  local: Snapshot,
  choice: ConflictChoice,
  newId: () => string,
): ImportPlan {
  return planTables(file, local, choice, newId, { assessments: true });
}

/** planImport, or (for the preview) only its targets and actions. */
function planTables(
  file: Snapshot,
  local: Snapshot,
  choice: ConflictChoice,
  newId: () => string,
  tables: { assessments: boolean },
): ImportPlan {
  const { data: incoming, rekeyed } = rekeyCollisions(file, local, newId);
  const put = emptySnapshot();
  const counts = Object.fromEntries(
    RECORD_KINDS.map((kind) => [kind, { added: 0, replaced: 0, kept: 0 }]),
  ) as Record<RecordKind, KindCounts>;

  /** Adds a record when new, or replaces the local copy when `wins` says the file's copy wins. */
  const offer = <K extends RecordKind>(
    kind: K,
    record: Snapshot[K][number],
    mine: Snapshot[K][number] | undefined,
    wins: () => boolean,
  ): void => {
    if (mine === undefined) {
      (put[kind] as unknown[]).push(record);
      counts[kind].added += 1;
    } else if (canonical(mine) === canonical(record)) {
      return;
    } else if (wins()) {
      (put[kind] as unknown[]).push(record);
      counts[kind].replaced += 1;
    } else {
      counts[kind].kept += 1;
    }
  };
  const addAll = (family: Partial<Snapshot>): void => {
    for (const kind of RECORD_KINDS) {
      const rows = family[kind] ?? [];
      for (const row of rows) (put[kind] as unknown[]).push(row);
      counts[kind].added += rows.length;
    }
  };
  const byKey = <T>(rows: T[], key: (row: T) => string): Map<string, T> =>
    new Map(rows.map((row) => [key(row), row]));

  if (tables.assessments) {
    const file = groupByAssessment(incoming);
    const here = groupByAssessment(local);
    const localRatings = byKey(local.ratings, (r) => `${r.assessmentId}|${r.criterionId}`);
    const localWorkshops = byKey(local.workshops, (w) => w.id);
    const localParticipants = byKey(local.participants, (p) => p.id);
    const localIndividual = byKey(
      local.individualRatings,
      (r) => `${r.workshopId}|${r.participantId}|${r.criterionId}`,
    );
    const localAgreements = byKey(local.agreements, (a) => `${a.workshopId}|${a.criterionId}`);
    const localResponses = byKey(local.responseFiles, (r) => `${r.workshopId}|${r.participantId}`);

    for (const assessment of incoming.assessments) {
      const mine = here.assessments.get(assessment.id);
      const ratings = file.ratings.get(assessment.id) ?? [];
      const family = workshopsOf(file, assessment.id);
      if (!mine) {
        addAll({ assessments: [assessment], ratings, ...family });
        continue;
      }
      if (sameAssessment(file, here, assessment.id)) continue;
      if (choice === 'skip') {
        // This device's copy of the assessment and of everything that belongs to it stays as it is.
        counts.assessments.kept += 1;
        continue;
      }
      if (choice === 'keep-both') {
        const id = newId();
        addAll({
          assessments: [{ ...assessment, id }],
          ratings: ratings.map((r) => ({ ...r, assessmentId: id })),
          ...copyWorkshops(family, id, newId),
        });
        continue;
      }
      const fileWins = assessment.updatedAt > mine.updatedAt;
      offer('assessments', assessment, mine, () => fileWins);
      for (const rating of ratings)
        offer(
          'ratings',
          rating,
          localRatings.get(`${rating.assessmentId}|${rating.criterionId}`),
          () => fileWins,
        );
      const newer = (incomingAt: number, localAt: number): boolean =>
        incomingAt > localAt || (incomingAt === localAt && fileWins);
      for (const w of family.workshops) {
        const local = localWorkshops.get(w.id);
        offer('workshops', w, local, () => newer(w.updatedAt, local?.updatedAt ?? 0));
      }
      // Participants carry no edit time: this device's copy of a participant is kept.
      for (const p of family.participants)
        offer('participants', p, localParticipants.get(p.id), () => false);
      for (const r of family.individualRatings) {
        const local = localIndividual.get(`${r.workshopId}|${r.participantId}|${r.criterionId}`);
        offer('individualRatings', r, local, () => newer(r.ratedAt, local?.ratedAt ?? 0));
      }
      for (const a of family.agreements) {
        const local = localAgreements.get(`${a.workshopId}|${a.criterionId}`);
        offer('agreements', a, local, () => newer(a.agreedAt, local?.agreedAt ?? 0));
      }
      for (const r of family.responseFiles) {
        const local = localResponses.get(`${r.workshopId}|${r.participantId}`);
        offer('responseFiles', r, local, () =>
          local ? r.content.submittedAt > local.content.submittedAt : true,
        );
      }
    }
  }

  // Targets and actions, by id (ids that belong to another system here were re-keyed above).
  for (const table of ['targets', 'actions'] as const) {
    const mineById = byKey<Snapshot[typeof table][number]>(local[table], (r) => r.id);
    for (const record of incoming[table]) {
      const mine = mineById.get(record.id);
      if (mine && choice === 'keep-both' && canonical(mine) !== canonical(record)) {
        offer(table, { ...record, id: newId() }, undefined, () => true);
        continue;
      }
      offer(
        table,
        record,
        mine,
        () => choice === 'keep-newer' && record.updatedAt > (mine?.updatedAt ?? 0),
      );
    }
  }
  return { put, counts, rekeyed };
}

/** The records to write for a chosen rule (see planImport). */
export function resolveImport(
  incoming: Snapshot,
  local: Snapshot,
  choice: ConflictChoice,
  newId: () => string,
): Snapshot {
  return planImport(incoming, local, choice, newId).put;
}
