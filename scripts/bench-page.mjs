// Functions the in-browser benchmarks run inside the page (scripts/bench-browser.mjs passes them
// to Playwright's page.evaluate, which sends their source text: each must be self-contained).
// Times are the page's own clock (performance.now() and event.timeStamp: milliseconds since the
// page's time origin), so the round trips between Node and the browser are not in them.
/* global window, document, indexedDB, requestAnimationFrame, HTMLAnchorElement, HTMLInputElement,
   PopStateEvent */

/**
 * Arms one timed step and returns at once; `awaitProbe` waits for its result. Timing starts at
 * `spec.trigger`:
 * - `click`: the next click event in the page (its timeStamp: when the browser took the input),
 *   seen in the capture phase before the app's handlers;
 * - `change`: the next change event (a file chosen with setInputFiles);
 * - `navigate`: now, then `history.pushState(spec.href)` and a `popstate` event (what the app's
 *   router follows for back and forward; the same as following a link inside the app).
 * It ends at the first animation frame, after the start, in which `spec.until` holds, once that
 * frame has been painted: the check runs in each requestAnimationFrame callback and, when it holds,
 * a message posted from that callback marks the end (it runs after the frame's style, layout and
 * paint on the main thread; compositing and display are not included).
 * `spec.until` names a condition (see `conditions` below); `spec.failPattern`, when the page's
 * text matches it, ends the step with an error. With `download: true` the time the app hands
 * a file to the browser (the click on an `<a download>` it makes) is recorded too.
 */
export function armProbe(spec) {
  const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const main = () => document.querySelector('main') ?? document.body;
  const headingRegion = (level, heading) => {
    const h = [...main().querySelectorAll(level)].find((el) => text(el) === heading);
    return h ? (h.closest('section, article, [role="region"]') ?? h.parentElement) : null;
  };
  const conditions = {
    // The saved-assessments list: every system's heading present (one per system in the data),
    // each with at least one assessment row (a list item with a link) under it.
    list: ({ heading, systems }) => {
      const region = headingRegion('h2', heading);
      if (!region) return false;
      const groups = [...region.querySelectorAll('h3')];
      if (groups.length < systems) return false;
      return groups.every((h) => {
        const group = h.closest('section, [role="region"]') ?? h.parentElement;
        return [...group.querySelectorAll('li')].some((li) => li.querySelector('a[href]'));
      });
    },
    // The comparison: both charts drawn (each figure's svg holds a mark per compared
    // assessment: a radar polygon or a bar) and every table with a column per assessment.
    compare: ({ columns }) => {
      const figures = [...main().querySelectorAll('figure')];
      if (figures.length < 2) return false;
      const drawn = figures.every((figure) => {
        const svg = figure.querySelector('svg');
        if (!svg) return false;
        // recharts' classes: one radar polygon per series, one bar per series and characteristic.
        const marks = svg.querySelectorAll('.recharts-radar-polygon, .recharts-bar-rectangle');
        return marks.length >= columns;
      });
      if (!drawn) return false;
      const tables = [...main().querySelectorAll('table')];
      return (
        tables.length >= 3 &&
        tables.every(
          (table) =>
            table.querySelectorAll('thead th').length >= columns + 2 &&
            table.querySelectorAll('tbody tr').length > 0,
        )
      );
    },
    // The restore preview: its heading and its Restore button.
    restorePreview: ({ heading, button }) =>
      [...main().querySelectorAll('h2, h3, h4')].some((h) => text(h) === heading) &&
      [...main().querySelectorAll('button')].some((b) => text(b) === button),
    // A status message (role="status") whose text matches.
    status: ({ pattern }) =>
      [...document.querySelectorAll('[role="status"]')].some((el) =>
        new RegExp(pattern).test(text(el)),
      ),
    // The workshop's revealed spread: one block per criterion, each with its heading and table,
    // shown (the blocks are built ahead, hidden with display: none, before the reveal).
    reveal: ({ heading, criteria }) => {
      const region = headingRegion('h2', heading);
      if (!region) return false;
      const blocks = [...region.querySelectorAll('article')].filter(
        (a) => a.checkVisibility() && a.querySelector('h3') && a.querySelector('table'),
      );
      return blocks.length >= criteria;
    },
    // The radio that was clicked is checked.
    checked: () => window.__benchTarget?.checked === true,
    // The page's main heading says `heading` (another screen has been reached).
    heading: ({ heading }) => text(main().querySelector('h1')) === heading,
  };
  const until = conditions[spec.until];
  if (!until) throw new Error(`unknown condition ${spec.until}`);
  const probe = {};
  window.__benchProbe = probe;
  probe.result = new Promise((resolve, reject) => {
    let start = null;
    let download = null;
    const timer = setTimeout(
      () => reject(new Error(`${spec.until}: not reached in ${spec.timeoutMs ?? 60_000} ms`)),
      spec.timeoutMs ?? 60_000,
    );
    const finish = (end) => {
      clearTimeout(timer);
      resolve({ start, ms: end - start, downloadMs: download === null ? null : download - start });
    };
    const onFrame = () => {
      let holds;
      try {
        // A screen saying the step failed (a refused file): no point waiting.
        const failed = spec.failPattern && new RegExp(spec.failPattern).exec(text(main()));
        if (failed) throw new Error(`${spec.until}: the page says "${failed[0]}"`);
        holds = until(spec);
      } catch (error) {
        clearTimeout(timer);
        reject(error);
        return;
      }
      if (!holds) {
        requestAnimationFrame(onFrame);
        return;
      }
      const channel = new MessageChannel();
      channel.port1.onmessage = () => finish(performance.now());
      channel.port2.postMessage(null);
    };
    const begin = (at) => {
      start = at;
      requestAnimationFrame(onFrame);
    };
    if (spec.download) {
      const onClick = (event) => {
        const link = event.target;
        if (link instanceof HTMLAnchorElement && link.hasAttribute('download')) {
          download = performance.now();
          document.removeEventListener('click', onClick, true);
        }
      };
      document.addEventListener('click', onClick, true);
    }
    if (spec.trigger === 'origin') {
      // A page load: from the navigation's start (the time origin).
      begin(0);
    } else if (spec.trigger === 'navigate') {
      begin(performance.now());
      window.history.pushState(null, '', spec.href);
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    } else {
      const type = spec.trigger;
      const onEvent = (event) => {
        if (event.type === 'click' && event.target instanceof HTMLAnchorElement) return;
        window.removeEventListener(type, onEvent, true);
        const target = event.target;
        window.__benchTarget =
          target instanceof HTMLInputElement
            ? target
            : (target.closest?.('label')?.control ?? target);
        begin(event.timeStamp);
      };
      window.addEventListener(type, onEvent, true);
    }
  });
}

/** Waits for the step armed by armProbe: `{ start, ms, downloadMs }` (ms: page clock). */
export function awaitProbe() {
  return window.__benchProbe.result;
}

/**
 * Polls IndexedDB from the page (its own connection, read-only transactions back to back) until
 * the rating of `criterionId` in `assessmentId` has `level`; returns when that was first seen, on
 * the page's clock. Opening without a version takes whatever version the app has made: from
 * schema v8 a rating is in its assessment's record of `ratingSets`, before in `ratings`.
 */
export async function pollStored({ dbName, assessmentId, criterionId, level, timeoutMs }) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const sets = db.objectStoreNames.contains('ratingSets');
  const store = sets ? 'ratingSets' : 'ratings';
  const key = sets ? assessmentId : [assessmentId, criterionId];
  try {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const record = await new Promise((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).get(key);
        request.onsuccess = () =>
          resolve(
            sets
              ? request.result?.ratings.find((r) => r.criterionId === criterionId)
              : request.result,
          );
        request.onerror = () => reject(request.error);
      });
      const now = performance.now();
      if (record?.level === level) return now;
      if (now > deadline) throw new Error(`${criterionId} not stored as ${level}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  } finally {
    db.close();
  }
}

/**
 * The page's first contentful paint and largest contentful paint (the last LCP candidate so far),
 * in ms since navigation start; null when there was none.
 */
export async function paintTimings() {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const lcp = await new Promise((resolve) => {
    let last = null;
    const observer = new PerformanceObserver((list) => {
      const entries = list.getEntries();
      last = entries[entries.length - 1]?.startTime ?? last;
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => {
      for (const entry of observer.takeRecords()) last = entry.startTime;
      observer.disconnect();
      resolve(last);
    }, 50);
  });
  return { fcpMs: fcp, lcpMs: lcp };
}
