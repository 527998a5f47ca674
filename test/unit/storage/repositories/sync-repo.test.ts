import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import {
  assessmentVersions,
  getSyncSettings,
  onStoredDataChanged,
  putSyncSettings,
  readAssessmentContent,
  writeSyncedAssessment,
} from '@/storage/repositories/sync-repo';
import { seedAssessment } from '../../../support/seed';

beforeEach(() => {
  openFreshTestDatabase();
});

describe('what sync reads and writes', () => {
  it('reads an assessment whole, with its ratings', async () => {
    const id = await seedAssessment(
      { systemName: 'North Shire ICS' },
      {
        'care.pcns': { level: 'developing' },
        'care.phm': { level: null },
      },
    );
    const content = await readAssessmentContent(id);
    expect(content?.assessment.systemName).toBe('North Shire ICS');
    expect(content?.ratings.map((r) => r.criterionId).sort()).toEqual(['care.pcns', 'care.phm']);
    expect(await readAssessmentContent('missing')).toBeNull();
  });

  it('lists every assessment’s last change time without reading the records', async () => {
    const a = await seedAssessment({});
    const b = await seedAssessment({});
    const versions = await assessmentVersions();
    expect([...versions.keys()].sort()).toEqual([a, b].sort());
    expect(versions.get(a)).toBe((await getDb().assessments.get(a))!.updatedAt);
  });

  it('writes a whole assessment: ratings replaced, summary refreshed', async () => {
    const id = await seedAssessment(
      {},
      {
        'care.pcns': { level: 'developing' },
        'care.phm': { level: 'maturing' },
      },
    );
    const before = (await readAssessmentContent(id))!;
    const pcns = before.ratings.find((r) => r.criterionId === 'care.pcns')!;
    const next = {
      assessment: { ...before.assessment, title: 'Merged' },
      ratings: [{ ...pcns, level: 'thriving' as const }],
    };
    expect(await writeSyncedAssessment(next, before)).toBe('written');
    const after = (await readAssessmentContent(id))!;
    expect(after.assessment.title).toBe('Merged');
    expect(after.ratings.map((r) => [r.criterionId, r.level])).toEqual([['care.pcns', 'thriving']]);
    expect((await getDb().assessmentSummaries.get(id))?.assessedCount).toBe(1);
  });

  it('writes nothing when the assessment changed since sync read it', async () => {
    const id = await seedAssessment({ title: 'Spring' }, { 'care.pcns': { level: 'developing' } });
    const read = (await readAssessmentContent(id))!;
    await getDb().assessments.update(id, { title: 'Typed meanwhile' });
    const merged = { ...read, assessment: { ...read.assessment, title: 'From sync' } };
    expect(await writeSyncedAssessment(merged, read)).toBe('changed-meanwhile');
    expect((await readAssessmentContent(id))!.assessment.title).toBe('Typed meanwhile');
    // A new assessment is written only if there still is none.
    expect(await writeSyncedAssessment(merged, null)).toBe('changed-meanwhile');
  });

  it('adds an assessment that arrived from the partnership', async () => {
    const id = await seedAssessment({}, { 'care.pcns': { level: 'developing' } });
    const content = (await readAssessmentContent(id))!;
    openFreshTestDatabase();
    expect(await writeSyncedAssessment(content, null)).toBe('written');
    expect(await readAssessmentContent(id)).toEqual(content);
    expect((await getDb().assessmentSummaries.get(id))?.assessedCount).toBe(1);
  });

  it('keeps the settings, never a password', async () => {
    expect(await getSyncSettings()).toBeNull();
    await putSyncSettings({
      enabled: true,
      url: 'https://couch.example.nhs.uk/ns',
      username: 'ann',
    });
    expect(await getSyncSettings()).toEqual({
      enabled: true,
      url: 'https://couch.example.nhs.uk/ns',
      username: 'ann',
    });
  });

  it('tells sync when stored data changes', async () => {
    const listener = vi.fn();
    const stop = onStoredDataChanged(listener);
    await seedAssessment({});
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    stop();
    listener.mockClear();
    await seedAssessment({});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listener).not.toHaveBeenCalled();
  });
});
