import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from '@playwright/test';

/**
 * A person at a keyboard, for the autosave proofs (typist.spec.ts, crash.spec.ts): one key at a
 * time with real delays, never `fill()`. The typist keeps its own model of what the focused field
 * should hold and where the caret should be, and compares it with the page at every pause (word
 * pauses, slow keys and after caret moves), so a lost character or a caret that jumps shows up at
 * the moment it happens, not only after the reload.
 */

export { sleep };

/** What the focused text field holds, read in the page. */
export type FieldState = {
  id: string;
  tag: string;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
};

export async function readFocusedField(page: Page): Promise<FieldState> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
    const isText = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
    return {
      id: el?.id ?? '',
      tag: el?.tagName ?? '',
      value: isText ? el.value : '',
      selectionStart: isText ? el.selectionStart : null,
      selectionEnd: isText ? el.selectionEnd : null,
    };
  });
}

/** One key as it was typed: the character and when its key press resolved (test clock). */
export type TypedKey = { char: string; at: number };

export type Move = 'Home' | 'End' | 'ArrowLeft' | 'ArrowRight';

/** A typing script: runs of text at a per-key delay, caret moves and pauses. */
export type ScriptStep =
  { type: string; delay: number } | { press: Move; times?: number } | { pause: number };

/** A mismatch between what was typed and what the page showed at a pause. */
export type Observation = {
  after: string;
  expected: { value: string; caret: number };
  actual: FieldState;
};

export const WORD_PAUSE_MS = 300;
/** Gaps at least this long are sampled: every word pause, every key of a slow run. */
const SAMPLE_GAP_MS = 250;

export class Typist {
  /** What the field should hold now. */
  value: string;
  /** Where the caret should be now. */
  caret: number;
  /** Every key typed, with the time its press resolved. */
  readonly keys: TypedKey[] = [];
  /** Mismatches seen at pauses (caret jumps, lost or doubled characters, focus lost). */
  readonly observations: Observation[] = [];
  private readonly fieldId: string;
  private nextKeyAt = 0;

  private constructor(
    private readonly page: Page,
    initial: FieldState,
    private readonly wordPauseMs: number,
  ) {
    this.value = initial.value;
    this.caret = initial.selectionStart ?? initial.value.length;
    this.fieldId = initial.id;
  }

  /**
   * Starts typing in the field that has focus now (click or focus it first). The caret is put at
   * the end of what the field already holds.
   */
  static async start(page: Page, wordPauseMs = WORD_PAUSE_MS): Promise<Typist> {
    await page.keyboard.press('End');
    const state = await readFocusedField(page);
    if (state.tag !== 'INPUT' && state.tag !== 'TEXTAREA') {
      throw new Error(
        `Focus left the text field before typing began (focus is on ${state.tag || 'nothing'})`,
      );
    }
    return new Typist(page, state, wordPauseMs);
  }

  /**
   * Types `text` one key at a time, `delay` ms from one key press to the next, with a word pause
   * after every space. The page is sampled at the end of every gap of 250 ms or more.
   */
  async type(text: string, delay: number): Promise<void> {
    for (const char of text) {
      await this.waitUntil(this.nextKeyAt);
      const pressed = Date.now();
      await this.page.keyboard.type(char);
      const at = Date.now();
      this.keys.push({ char, at });
      this.value = this.value.slice(0, this.caret) + char + this.value.slice(this.caret);
      this.caret += char.length;
      const gap = char === ' ' ? Math.max(delay, this.wordPauseMs) : delay;
      // The next key comes `gap` after this one went down, however slow the page was to take it.
      this.nextKeyAt = pressed + gap;
      if (gap >= SAMPLE_GAP_MS) {
        // Sample near the end of the gap: a save that lands in the gap has had its chance to
        // reset the field or move the caret by then.
        await this.waitUntil(this.nextKeyAt - 40);
        await this.check(`typing ${JSON.stringify(char)} at ${delay} ms per key`);
      }
    }
  }

  /** Moves the caret with the keyboard, then pauses and checks where it is. */
  async press(key: Move, times = 1): Promise<void> {
    for (let i = 0; i < times; i += 1) {
      await this.page.keyboard.press(key);
      if (key === 'Home') this.caret = 0;
      else if (key === 'End') this.caret = this.value.length;
      else if (key === 'ArrowLeft') this.caret = Math.max(0, this.caret - 1);
      else this.caret = Math.min(this.value.length, this.caret + 1);
    }
    this.nextKeyAt = Date.now();
  }

  async pause(ms: number): Promise<void> {
    await sleep(ms);
    await this.check(`a ${ms} ms pause`);
  }

  async run(script: readonly ScriptStep[]): Promise<void> {
    for (const step of script) {
      if ('type' in step) await this.type(step.type, step.delay);
      else if ('press' in step) {
        await this.press(step.press, step.times);
        await this.check(`${step.press}${step.times ? ` ×${step.times}` : ''}`);
      } else await this.pause(step.pause);
    }
  }

  /** Compares the page with the model; a mismatch is recorded, not thrown. */
  async check(after: string): Promise<void> {
    const actual = await readFocusedField(this.page);
    const ok =
      actual.id === this.fieldId &&
      actual.value === this.value &&
      actual.selectionStart === this.caret &&
      actual.selectionEnd === this.caret;
    if (!ok)
      this.observations.push({ after, expected: { value: this.value, caret: this.caret }, actual });
  }

  /** The first few mismatches, readable in a test failure. */
  report(limit = 5): string[] {
    return this.observations.slice(0, limit).map((o) => {
      const where =
        o.actual.id === this.fieldId ? '' : ` (focus moved to ${o.actual.tag || 'nothing'})`;
      return `after ${o.after}: field ${JSON.stringify(o.actual.value)} caret ${o.actual.selectionStart}${where}; expected ${JSON.stringify(o.expected.value)} caret ${o.expected.caret}`;
    });
  }

  private async waitUntil(time: number): Promise<void> {
    const ms = time - Date.now();
    if (ms > 0) await sleep(ms);
  }
}

/** Slows the page's CPU (4× is a modest laptop under load). */
export async function throttleCpu(page: Page, rate = 4): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** A small deterministic generator, so a failing run can be repeated key for key. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
