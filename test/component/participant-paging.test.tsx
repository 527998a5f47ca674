import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_KEY } from '@/features/workshop/lib/private-lock-store';
import { NARROW_QUERY, useMediaQuery } from '@/hooks/use-media-query';
import { getDb } from '@/storage/db';
import { addParticipant, createWorkshop } from '@/storage/repositories/workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

/**
 * A participant rating on a phone (issue 12, item 7): one criterion at a time with Previous and
 * Next, progress said, a review of every choice; and on a wider screen the whole list as before.
 */

/** A viewport whose width the test sets; `matchMedia` answers max-width queries from it. */
const viewport = (() => {
  let width = 1024;
  const lists = new Set<{ query: string; listeners: Set<() => void> }>();
  const matchesAt = (query: string, at: number): boolean => {
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    return max ? at <= Number(max[1]) : false;
  };
  return {
    install() {
      window.matchMedia = (query: string) => {
        const entry = { query, listeners: new Set<() => void>() };
        lists.add(entry);
        return {
          get matches() {
            return matchesAt(query, width);
          },
          media: query,
          onchange: null,
          addEventListener: (_: string, listener: () => void) => entry.listeners.add(listener),
          removeEventListener: (_: string, listener: () => void) =>
            entry.listeners.delete(listener),
          addListener: () => undefined,
          removeListener: () => undefined,
          dispatchEvent: () => false,
        } as unknown as MediaQueryList;
      };
    },
    resize(next: number) {
      const before = width;
      width = next;
      for (const entry of lists) {
        if (matchesAt(entry.query, before) !== matchesAt(entry.query, next)) {
          for (const listener of entry.listeners) listener();
        }
      }
    },
    set(next: number) {
      width = next;
    },
  };
})();

const original = window.matchMedia;
beforeEach(() => {
  viewport.install();
  viewport.set(375);
});
afterEach(() => {
  window.matchMedia = original;
});

/** A workshop of three criteria, and a participant holding the laptop, ready to rate. */
async function ratingOnTheLaptop(): Promise<{ workshopId: string; participantId: string }> {
  const assessmentId = await seedAssessment({});
  const workshopId = await createWorkshop({
    assessmentId,
    title: 'Board workshop',
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous: false,
    criterionIds: ['leadership.shared-vision', 'care.pcns', 'care.phm'],
  });
  const participantId = await addParticipant(workshopId, {
    label: 'Sam',
    organisation: 'Trust',
    sector: 'acute-trust',
  });
  // A reload lands on the hand-over screen: the participant starts from there.
  localStorage.setItem(LOCK_KEY, JSON.stringify({ workshopId, participantId, step: 'handover' }));
  renderApp(`/workshops/${workshopId}`);
  await userEvent.click(
    await screen.findByRole('button', { name: 'I am Sam: start rating' }, { timeout: 15_000 }),
  );
  await screen.findByRole(
    'heading',
    { level: 1, name: 'Your private ratings, Sam' },
    { timeout: 15_000 },
  );
  return { workshopId, participantId };
}

const progress = (): string => document.querySelector('.pager__progress')?.textContent ?? '';

describe('useMediaQuery', () => {
  it('follows the query as the viewport changes', () => {
    const { result } = renderHook(() => useMediaQuery(NARROW_QUERY));
    expect(result.current).toBe(true);
    act(() => viewport.resize(800));
    expect(result.current).toBe(false);
    act(() => viewport.resize(320));
    expect(result.current).toBe(true);
  });
});

describe('rating one criterion at a time on a phone', () => {
  it('shows one criterion, moves with Next and Previous keeping every choice, and says how far', async () => {
    const user = userEvent.setup();
    const { workshopId, participantId } = await ratingOnTheLaptop();
    // One criterion on screen, its heading, four levels, the levels' meanings folded away.
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1);
    expect(
      screen.getByRole('heading', { level: 2, name: 'Shared vision, purpose and objectives' }),
    ).toBeVisible();
    expect(screen.getAllByRole('radio')).toHaveLength(4);
    const shown = screen
      .getByRole('heading', { level: 2, name: 'Shared vision, purpose and objectives' })
      .closest('fieldset')!;
    const meanings = within(shown).getByText('What each level means').closest('details');
    expect(meanings).not.toHaveAttribute('open');
    expect(progress()).toBe('Criterion 1 of 3 · 0 rated');
    expect(screen.queryByRole('button', { name: 'Previous' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Finish and hide my answers' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: /^Developing/ }));
    expect(progress()).toBe('Criterion 1 of 3 · 1 rated');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const pcns = screen.getByRole('heading', { level: 2, name: 'Primary care networks' });
    await waitFor(() => expect(pcns).toHaveFocus());
    expect(progress()).toBe('Criterion 2 of 3 · 1 rated');
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
    await user.click(screen.getByRole('radio', { name: /^Thriving/ }));

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { level: 2, name: 'Shared vision, purpose and objectives' }),
      ).toHaveFocus(),
    );
    // The first choice is still there; change it.
    expect(screen.getByRole('radio', { name: /^Developing/ })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: /^Maturing/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('radio', { name: /^Thriving/ })).toBeChecked();
    expect(progress()).toBe('Criterion 2 of 3 · 2 rated');

    // The jump to the unrated one, and on the last criterion Next becomes the review.
    await user.click(screen.getByRole('button', { name: 'Go to an unrated criterion' }));
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { level: 2, name: 'Population health management capability' }),
      ).toHaveFocus(),
    );
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Review my ratings' }));
    const review = screen.getByRole('heading', { level: 2, name: 'Check your ratings' });
    await waitFor(() => expect(review).toHaveFocus());
    expect(progress()).toBe('2 of 3 rated');
    const rows = within(review.closest('section')!).getAllByRole('term');
    expect(rows.map((row) => [row.textContent, row.nextElementSibling?.textContent])).toEqual([
      ['Shared vision, purpose and objectives', 'Maturing'],
      ['Primary care networks', 'Thriving'],
      ['Population health management capability', 'Not rated'],
    ]);
    expect(screen.getByText(/You have not rated 1 criterion\./)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Finish and hide my answers' })).toBeVisible();

    // Change from the review goes to that criterion.
    await user.click(
      screen.getByRole('button', { name: 'Change Population health management capability' }),
    );
    await user.click(screen.getByRole('radio', { name: /^Emerging/ }));
    await user.click(screen.getByRole('button', { name: 'Review my ratings' }));
    expect(screen.queryByText('Not rated')).toBeNull();
    expect(progress()).toBe('3 of 3 rated');

    // Every choice was saved as it was made.
    await waitFor(async () => {
      const saved = await getDb()
        .individualRatings.where('workshopId')
        .equals(workshopId)
        .filter((r) => r.participantId === participantId)
        .toArray();
      expect(Object.fromEntries(saved.map((r) => [r.criterionId, r.level]))).toEqual({
        'leadership.shared-vision': 'maturing',
        'care.pcns': 'thriving',
        'care.phm': 'emerging',
      });
    });
  });

  it('keeps choices and notes when the phone turns into a wide screen and back', async () => {
    const user = userEvent.setup();
    await ratingOnTheLaptop();
    await user.click(screen.getByRole('radio', { name: /^Emerging/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Note for the room (optional)' }),
      'Depends on the PCN',
    );

    // Wide: the whole list, as on the laptop, with both choices and the note.
    act(() => viewport.resize(1024));
    expect(screen.getAllByRole('radio')).toHaveLength(12);
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    expect(screen.getByText('1 of 3 rated')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Finish and hide my answers' })).toBeVisible();
    const notes = screen.getAllByRole('textbox', { name: 'Note for the room (optional)' });
    expect(notes.map((n) => (n as HTMLTextAreaElement).value)).toEqual([
      '',
      'Depends on the PCN',
      '',
    ]);

    // Narrow again: still on the second criterion, its note kept.
    act(() => viewport.resize(375));
    expect(progress()).toBe('Criterion 2 of 3 · 1 rated');
    expect(screen.getByRole('textbox', { name: 'Note for the room (optional)' })).toHaveValue(
      'Depends on the PCN',
    );
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(screen.getByRole('radio', { name: /^Emerging/ })).toBeChecked();
  });
});
