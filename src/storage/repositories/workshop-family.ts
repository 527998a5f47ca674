import type { IcsDatabase } from '../db';
import type {
  AgreementRecord,
  IndividualRatingRecord,
  ParticipantRecord,
  ResponseFileRecord,
  WorkshopRecord,
} from '../schema';

/**
 * Everything recorded in some workshops, keyed by `workshopId`: participants, their private
 * ratings, the agreed levels and the imported response files. Deleting an assessment, undoing
 * that, backing up and restoring all move these with their workshops, so they are listed once.
 */
export type WorkshopFamily = {
  participants: ParticipantRecord[];
  individualRatings: IndividualRatingRecord[];
  agreements: AgreementRecord[];
  responseFiles: ResponseFileRecord[];
};

function familyTables(db: IcsDatabase) {
  return [db.participants, db.individualRatings, db.agreements, db.responseFiles] as const;
}

/** The workshops table and its family's tables, for a transaction's scope. */
export function workshopTables(db: IcsDatabase) {
  return [db.workshops, ...familyTables(db)] as const;
}

/** Everything recorded in the given workshops. */
export async function readWorkshopFamily(
  db: IcsDatabase,
  workshopIds: readonly string[],
): Promise<WorkshopFamily> {
  const [participants, individualRatings, agreements, responseFiles] = await Promise.all([
    db.participants.where('workshopId').anyOf(workshopIds).toArray(),
    db.individualRatings.where('workshopId').anyOf(workshopIds).toArray(),
    db.agreements.where('workshopId').anyOf(workshopIds).toArray(),
    db.responseFiles.where('workshopId').anyOf(workshopIds).toArray(),
  ]);
  return { participants, individualRatings, agreements, responseFiles };
}

/** Deletes everything recorded in the given workshops (not the workshops themselves). */
export async function deleteWorkshopFamily(
  db: IcsDatabase,
  workshopIds: readonly string[],
): Promise<void> {
  for (const table of familyTables(db)) {
    await table.where('workshopId').anyOf(workshopIds).delete();
  }
}

/** Puts workshops and their families, each record by its key. */
export async function putWorkshops(
  db: IcsDatabase,
  records: WorkshopFamily & { workshops: WorkshopRecord[] },
): Promise<void> {
  await db.workshops.bulkPut(records.workshops);
  await db.participants.bulkPut(records.participants);
  await db.individualRatings.bulkPut(records.individualRatings);
  await db.agreements.bulkPut(records.agreements);
  await db.responseFiles.bulkPut(records.responseFiles);
}
