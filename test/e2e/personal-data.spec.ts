import type { Page } from '@playwright/test';
import {
  createAssessment,
  expect,
  expectNoAxeViolations,
  rate,
  test,
  waitForServiceWorkerControl,
  waitUntilSaved,
} from './fixtures';
import { addParticipant, rateInPrivate, startWorkshop } from './workshop-helpers';

/**
 * Deleting leaves no personal data behind, "Delete everything on
 * this device" empties storage, and bad input (a full disk, a control character in a name, a
 * malformed URL) never breaks the app.
 */

type Dump = {
  stores: Record<string, unknown[]>;
  localStorage: Record<string, string | null>;
};

/** Every record of every object store of every IndexedDB database of the origin, and localStorage. */
async function dumpStorage(page: Page): Promise<Dump> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const stores: Record<string, unknown[]> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const open = indexedDB.open(info.name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      for (const name of Array.from(db.objectStoreNames)) {
        stores[`${info.name}/${name}`] = await request(
          db.transaction(name, 'readonly').objectStore(name).getAll(),
        );
      }
      db.close();
    }
    const local: Record<string, string | null> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null) local[key] = localStorage.getItem(key);
    }
    return { stores, localStorage: local };
  });
}

/** Which of `needles` occur anywhere in storage (keys or values). */
async function foundInStorage(page: Page, needles: readonly string[]): Promise<string[]> {
  const text = JSON.stringify(await dumpStorage(page));
  return needles.filter((needle) => text.includes(needle));
}

const PEOPLE = [
  { name: 'Zelda Quillfeather', organisation: 'Quillshire Council', note: 'Zebra-note-4471' },
  { name: 'Yorick Fenwhistle', organisation: 'Fenwhistle Hospitals', note: 'Yak-note-9302' },
] as const;
const PERSONAL = PEOPLE.flatMap((p) => [p.name, p.organisation, p.note]);

/** An assessment with a workshop in which both people rated in private and wrote a note. */
async function assessmentWithWorkshop(page: Page, systemName: string): Promise<void> {
  const editor = await createAssessment(page, systemName, '2019-09-12');
  await startWorkshop(page, editor, 'Privacy workshop');
  await addParticipant(page, PEOPLE[0].name, PEOPLE[0].organisation, 'Local authority');
  await addParticipant(page, PEOPLE[1].name, PEOPLE[1].organisation, 'Acute trust');
  await rateInPrivate(page, PEOPLE[0].name, ['Emerging', 'Developing'], PEOPLE[0].note);
  await rateInPrivate(page, PEOPLE[1].name, ['Maturing', 'Developing'], PEOPLE[1].note);
  await expect(page.getByText('2 of 24 rated')).toHaveCount(2);
  // Everything typed has reached storage before we look.
  await expect.poll(() => foundInStorage(page, PERSONAL)).toEqual(PERSONAL);
}

test('deleting an assessment leaves none of its workshop’s personal data on the device', async ({
  page,
}) => {
  await assessmentWithWorkshop(page, 'Privacy ICS');
  await page.goto('/');
  await page.getByRole('button', { name: 'Delete for Self-assessment' }).click();
  await expect(page.getByText(/Deleted “Self-assessment” \(Privacy ICS\)/)).toBeVisible();
  await expect(page.getByText(/Its workshop went with it: 2 participants/)).toBeVisible();
  await expect.poll(() => foundInStorage(page, PERSONAL)).toEqual([]);
  // Reloading brings nothing back (no journal replay of a deleted assessment's workshop).
  await page.reload();
  await expect(page.getByText('No assessments yet. Start one with the form.')).toBeVisible();
  expect(await foundInStorage(page, [...PERSONAL, 'Privacy ICS'])).toEqual([]);
});

test('"Delete everything on this device" leaves every store and localStorage empty', async ({
  page,
}) => {
  await assessmentWithWorkshop(page, 'Everything ICS');
  await page.evaluate(() => localStorage.setItem('ics-maturity:test-marker', 'Zelda Quillfeather'));
  const before = await dumpStorage(page);
  expect(Object.values(before.stores).some((rows) => rows.length > 0)).toBe(true);
  expect(Object.keys(before.localStorage).length).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Delete everything on this device' }).click();
  const warning = page.getByRole('group', { name: 'Are you sure you want to delete everything?' });
  await expect(warning.getByRole('heading')).toBeFocused();
  await expectNoAxeViolations(page);
  await warning.getByRole('button', { name: 'Yes, delete everything' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('flash-notice')).toContainText(
    'Everything ICS Maturity kept on this device has been deleted.',
  );
  await expect(page.getByText('No assessments yet. Start one with the form.')).toBeVisible();
  const after = await dumpStorage(page);
  expect(Object.keys(after.stores)).toContain('ics-maturity/assessments');
  for (const [store, rows] of Object.entries(after.stores)) {
    expect(rows, store).toEqual([]);
  }
  expect(after.localStorage).toEqual({});
});

test('starting a workshop on a full disk shows the storage banner and nothing uncaught', async ({
  page,
}) => {
  const editor = await createAssessment(page, 'Full disk ICS');
  await page.goto(editor.replace(/\/edit$/, '/workshops'));
  await page.getByLabel('Workshop title').fill('Board workshop');
  await page.evaluate(() => {
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const w = window as unknown as { __realAdd: unknown; __realPut: unknown };
    w.__realAdd = IDBObjectStore.prototype.add;
    w.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.add = quota;
    IDBObjectStore.prototype.put = quota;
  });
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'out of storage space' })).toBeVisible();
  await expect(page).toHaveURL(/\/workshops$/);
  await expect(page.getByLabel('Workshop title')).toHaveValue('Board workshop');

  // Space freed: the same click now works and the banner goes.
  await page.evaluate(() => {
    const w = window as unknown as {
      __realAdd: IDBObjectStore['add'];
      __realPut: IDBObjectStore['put'];
    };
    IDBObjectStore.prototype.add = w.__realAdd;
    IDBObjectStore.prototype.put = w.__realPut;
  });
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board workshop' })).toBeVisible();
  await expect(page.getByTestId('write-failure')).toHaveCount(0);
});

test('a PNG and a PDF export work when the system name and title hold U+000B from PowerPoint', async ({
  page,
}) => {
  // Pasted from PowerPoint, where U+000B is a line break. XML does not allow it: unstripped, the
  // SVG behind the PNG does not load (the title is drawn as one text run, unwrapped).
  await page.goto('/');
  await page.getByLabel('System name').fill('Northshire\u000BICS');
  await page.getByLabel('Assessment title').fill('Autumn\u000Breview');
  await page.getByLabel('Assessment date (as at)').fill('2019-09-30');
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/[^/]+\/edit$/);
  const editor = new URL(page.url()).pathname;
  await page.goto(`${editor}/leadership`);
  await rate(page, 'Shared vision', 'Maturing');
  await waitUntilSaved(page);
  await page.goto(editor.replace(/\/edit$/, '/paper'));

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-png="summary"]').click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/^northshire-ics-.*\.png$/);
  const pngPath = test.info().outputPath(png.suggestedFilename());
  await png.saveAs(pngPath);
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(pngPath);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(1000);
  await expect(page.getByTestId('export-status')).toContainText('is ready');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: 'Download summary PDF (cover sheet and up to 2 pages)' })
      .click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
});

test('a malformed percent-escape in the URL shows the not-found page in the app shell', async ({
  page,
}) => {
  // `vite preview` answers this URL with an empty 404 (it cannot decode it either); the app's
  // service worker serves the app shell for every navigation once it controls the page, as it
  // does for every visit after the first, so that is how it is reached here.
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await page.goto('/assessments/%E0%A4%A/edit');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: /ICS Maturity/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to your assessments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessments' })).toBeVisible();
});
