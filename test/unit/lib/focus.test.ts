// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  focusAfterRemoval,
  focusElement,
  focusWhenPresent,
  isFocusFree,
  neighbourAfterRemoval,
  pageHeading,
} from '@/lib/focus';

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focus after removing an item', () => {
  it('is the next item, else the previous one, else the fallback', () => {
    expect(neighbourAfterRemoval(['a', 'b', 'c'], 1, 'add')).toBe('c');
    expect(neighbourAfterRemoval(['a', 'b', 'c'], 2, 'add')).toBe('b');
    expect(neighbourAfterRemoval(['a'], 0, 'add')).toBe('add');
  });

  it('moves to the next item’s control once the removed item has gone, then the fallback', async () => {
    document.body.innerHTML = `
      <ul>
        <li><button data-remove id="r1">Remove 1</button></li>
        <li><button data-remove id="r2">Remove 2</button></li>
      </ul>
      <button id="add">Add</button>`;
    const first = document.getElementById('r1')!;
    first.focus();
    focusAfterRemoval(first, '[data-remove]', () => document.getElementById('add'));
    await frame();
    // Not gone yet: focus stays where it is.
    expect(document.activeElement).toBe(first);
    first.closest('li')!.remove();
    await frame();
    await Promise.resolve();
    expect(document.activeElement?.id).toBe('r2');

    const second = document.getElementById('r2')!;
    focusAfterRemoval(second, '[data-remove]', () => document.getElementById('add'));
    second.closest('li')!.remove();
    await frame();
    await Promise.resolve();
    expect(document.activeElement?.id).toBe('add');
  });
});

describe('focusing an element that is not there yet', () => {
  it('focuses it when it appears, making a heading focusable', async () => {
    const origin = document.createElement('button');
    document.body.append(origin);
    origin.focus();
    focusWhenPresent(() => document.querySelector<HTMLElement>('h1'));
    await frame();
    const heading = document.createElement('h1');
    document.body.append(heading);
    await Promise.resolve();
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  it('does not take focus back from where the person moved meanwhile', async () => {
    document.body.innerHTML = '<button id="a">A</button><input id="typing" />';
    document.getElementById('a')!.focus();
    focusWhenPresent(() => document.querySelector<HTMLElement>('h1'));
    document.getElementById('typing')!.focus();
    await frame();
    document.body.append(document.createElement('h1'));
    await Promise.resolve();
    expect(document.activeElement?.id).toBe('typing');
  });

  it('can be cancelled', async () => {
    const stop = focusWhenPresent(() => document.querySelector<HTMLElement>('h1'));
    stop();
    await frame();
    document.body.append(document.createElement('h1'));
    await Promise.resolve();
    expect(document.activeElement).toBe(document.body);
  });
});

describe('helpers', () => {
  it('knows when focus has nowhere useful', () => {
    document.body.innerHTML = '<button id="a">A</button><button id="b">B</button>';
    const a = document.getElementById('a')!;
    expect(isFocusFree(a)).toBe(true); // on body
    a.focus();
    expect(isFocusFree(a)).toBe(true); // still on the origin
    document.getElementById('b')!.focus();
    expect(isFocusFree(a)).toBe(false);
  });

  it('focuses a control as it is, and finds the main heading', () => {
    document.body.innerHTML =
      '<h1>Other</h1><main id="main"><h1>Page</h1><button>Go</button></main>';
    const button = document.querySelector('button')!;
    focusElement(button);
    expect(button.hasAttribute('tabindex')).toBe(false);
    expect(pageHeading(document.getElementById('main')!)?.textContent).toBe('Page');
  });
});
