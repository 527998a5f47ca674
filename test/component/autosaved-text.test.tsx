import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useAutosavedText } from '@/hooks/use-autosaved-text';
import { saveQueue } from '@/storage/autosave';
import type { EditTarget } from '@/storage/edits';

const TARGET: EditTarget = { kind: 'draft', form: 'test-form', field: 'note' };

function Field({ stored, storedAt }: { stored: string; storedAt: number }) {
  const [value, onChange] = useAutosavedText(TARGET, stored, storedAt);
  return <textarea aria-label="Note" value={value} onChange={(e) => onChange(e.target.value)} />;
}

describe('useAutosavedText', () => {
  it('never shows an older stored value after a save lands and before the store is re-read', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Field stored="" storedAt={0} />);
    const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
    await user.type(field, 'Chair appointed');
    // The save lands: the queued edit is dropped, but the parent still holds the old stored value.
    await act(async () => {
      await saveQueue.flush();
    });
    expect(saveQueue.getSnapshot().pending.size).toBe(0);
    expect(field.value).toBe('Chair appointed');
    // The next key goes where the caret is, on the typed text, not on the old stored one.
    await user.type(field, ' in May');
    expect(field.value).toBe('Chair appointed in May');
    // A lagging re-read of an older value changes nothing on screen.
    rerender(<Field stored="Chair" storedAt={1} />);
    expect(field.value).toBe('Chair appointed in May');
  });

  it('keeps the caret where the person put it while saves land', async () => {
    const user = userEvent.setup();
    render(<Field stored="" storedAt={0} />);
    const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
    await user.type(field, 'Chair in May');
    field.setSelectionRange(6, 6);
    await user.type(field, 'appointed ', { initialSelectionStart: 6, initialSelectionEnd: 6 });
    await act(async () => {
      await saveQueue.flush();
    });
    expect(field.value).toBe('Chair appointed in May');
    expect(field.selectionStart).toBe(16);
  });

  it('adopts a stored value at least as new as its last edit (another tab typed later)', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Field stored="" storedAt={0} />);
    const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
    await user.type(field, 'Mine');
    await act(async () => {
      await saveQueue.flush();
    });
    rerender(<Field stored="Theirs, typed later" storedAt={Date.now() + 60_000} />);
    expect(field.value).toBe('Theirs, typed later');
  });
});
