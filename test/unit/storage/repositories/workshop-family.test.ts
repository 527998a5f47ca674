import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import {
  deleteWorkshopFamily,
  putWorkshops,
  readWorkshopFamily,
  workshopTables,
} from '@/storage/repositories/workshop-family';
import type { DatabaseDump } from '@/storage/schema';
import { loadDumpTables } from '../../../support/seed';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/db/v4.json', import.meta.url), 'utf8'),
) as DatabaseDump;

describe('a workshop family', () => {
  beforeEach(async () => {
    openFreshTestDatabase();
    await loadDumpTables(golden.tables);
  });

  it('names the workshops table and the four tables keyed by workshopId', () => {
    expect(workshopTables(getDb()).map((table) => table.name)).toEqual([
      'workshops',
      'participants',
      'individualRatings',
      'agreements',
      'responseFiles',
    ]);
  });

  it('reads what the given workshops hold, and nothing for others', async () => {
    const db = getDb();
    const family = await db.transaction('r', [...workshopTables(db)], () =>
      readWorkshopFamily(db, ['ws-0001']),
    );
    expect(family.participants).toHaveLength(2);
    expect(family.individualRatings).toHaveLength(3);
    expect(family.agreements).toHaveLength(1);
    expect(family.responseFiles).toHaveLength(1);
    expect(
      [
        ...family.participants,
        ...family.individualRatings,
        ...family.agreements,
        ...family.responseFiles,
      ].every((r) => r.workshopId === 'ws-0001'),
    ).toBe(true);
    expect(await readWorkshopFamily(db, ['no-such-workshop'])).toEqual({
      participants: [],
      individualRatings: [],
      agreements: [],
      responseFiles: [],
    });
  });

  it('deletes the family but not the workshop, and puts both back exactly', async () => {
    const db = getDb();
    const workshops = await db.workshops.toArray();
    const family = await readWorkshopFamily(db, ['ws-0001']);
    await deleteWorkshopFamily(db, ['ws-0001']);
    expect(await readWorkshopFamily(db, ['ws-0001'])).toEqual({
      participants: [],
      individualRatings: [],
      agreements: [],
      responseFiles: [],
    });
    expect(await db.workshops.count()).toBe(workshops.length);

    await db.workshops.clear();
    await putWorkshops(db, { workshops, ...family });
    expect(await db.workshops.toArray()).toEqual(workshops);
    expect(await readWorkshopFamily(db, ['ws-0001'])).toEqual(family);
  });
});
