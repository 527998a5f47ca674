import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openFreshTestDatabase } from '@/storage/db';
import { deleteDraft, getDraft } from '@/storage/repositories/drafts-repo';
import { applyEdits } from '@/storage/write-edits';

beforeEach(() => {
  openFreshTestDatabase();
});

const typed = (field: string, value: string, editedAt: number) =>
  ({ kind: 'draft', form: 'new-action:northshire ics', field, value, editedAt }) as const;

describe('drafts', () => {
  it('is null for a form with no draft', async () => {
    expect(await getDraft('new-action:northshire ics')).toBeNull();
  });

  it('gives back what autosave wrote for a form, field by field', async () => {
    await applyEdits([typed('title', 'Agree the plan', 1), typed('owner', 'Chair', 2)]);
    const draft = await getDraft('new-action:northshire ics');
    expect(draft).toMatchObject({
      form: 'new-action:northshire ics',
      values: { title: 'Agree the plan', owner: 'Chair' },
    });
    expect(await getDraft('new-action:eastvale ics')).toBeNull();
  });

  it('deletes a draft once the form is submitted; deleting again is harmless', async () => {
    await applyEdits([typed('title', 'Agree the plan', 1)]);
    await deleteDraft('new-action:northshire ics');
    await deleteDraft('new-action:northshire ics');
    expect(await getDraft('new-action:northshire ics')).toBeNull();
  });
});
