import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Resource, ResourceLanguage } from 'i18next';
import { describe, expect, it } from 'vitest';
import framework from '@/content/frameworks/ics-maturity-2019.json';
import {
  addParticipant,
  createWorkshop,
  saveIndividualRating,
} from '@/storage/repositories/workshops-repo';
import { allCriteria } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import { makeJoinCode } from '@/domain/workshop/join-code';
import { joinWorkshop, markResponseExported } from '@/storage/repositories/joined-workshops-repo';
import { renderApp } from '../support/render-app';
import { seedAssessment } from '../support/seed';

/**
 * A pseudo-locale used only here: every en-GB string wrapped in ⟦…⟧. Any visible text without the
 * markers that is not user or framework data bypassed translation.
 */
function pseudo(value: unknown): unknown {
  if (typeof value === 'string') return `⟦${value}⟧`;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudo(v)]));
  }
  return value;
}

const PSEUDO = 'en-XA';
// Every en-GB namespace, found by file: a new feature's strings are covered without a change here.
const enGB = Object.fromEntries(
  Object.entries(
    import.meta.glob<{ default: unknown }>('/src/locales/en-GB/*.json', { eager: true }),
  ).map(([path, module]) => [path.replace(/^.*[/]([\w-]+)[.]json$/, '$1'), module.default]),
);
const resources: Resource = { [PSEUDO]: pseudo(enGB) as ResourceLanguage };

function collectStrings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value.trim());
  else if (value && typeof value === 'object')
    Object.values(value).forEach((v) => collectStrings(v, into));
  return into;
}

const DATA = collectStrings(framework, new Set(['Northshire ICS', 'Baseline', 'Evidence 1']));
/** Numbers, punctuation and symbols (▲, =, ·) carry no language. */
const NO_LETTERS = /^[^\p{L}]*$/u;
/** Dates come from Intl (en-GB), not from the locale files. */
const INTL_DATE =
  /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;

function untranslatedText(): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (
      !text ||
      NO_LETTERS.test(text) ||
      INTL_DATE.test(text) ||
      DATA.has(text) ||
      text.includes('⟦') ||
      text.includes('⟧')
    )
      continue;
    found.push(text);
  }
  return found;
}

describe('every UI string goes through i18next (pseudo-locale)', () => {
  it('assessments screen', async () => {
    await seedAssessment({}, { 'care.pcns': { level: 'maturing', evidence: 1 } });
    renderApp('/', { language: PSEUDO, resources });
    await screen.findByRole('link', { name: 'Baseline' });
    expect(untranslatedText()).toEqual([]);
  });

  it('editor: details and a characteristic step, with validation messages', async () => {
    const user = userEvent.setup();
    const id = await seedAssessment({}, { 'care.pcns': { level: 'maturing', evidence: 1 } });
    renderApp(`/assessments/${id}/edit`, { language: PSEUDO, resources });
    const name = await screen.findByLabelText('⟦System name⟧');
    await user.clear(name);
    expect(untranslatedText()).toEqual([]);
    renderApp(`/assessments/${id}/edit/integrated-care`, { language: PSEUDO, resources });
    await screen.findAllByText('⟦Not assessed⟧');
    expect(untranslatedText()).toEqual([]);
  });

  it('results and settings', async () => {
    const id = await seedAssessment({}, { 'care.pcns': { level: 'maturing' } });
    renderApp(`/assessments/${id}/results`, { language: PSEUDO, resources });
    await screen.findByTestId('headline');
    expect(untranslatedText()).toEqual([]);
    renderApp('/settings', { language: PSEUDO, resources });
    await screen.findByRole('heading', { level: 1, name: '⟦Settings⟧' });
    expect(untranslatedText()).toEqual([]);
  });

  it('targets, plan and trajectory', async () => {
    await seedAssessment({ asAt: '2019-06-30' }, { 'care.pcns': { level: 'developing' } });
    await seedAssessment({ asAt: '2020-03-31' }, { 'care.pcns': { level: 'maturing' } });
    renderApp('/systems/northshire%20ics/plan', { language: PSEUDO, resources });
    await screen.findByTestId('status-table');
    expect(untranslatedText()).toEqual([]);
  });

  it('comparison', async () => {
    const a = await seedAssessment(
      { asAt: '2019-06-30' },
      { 'care.pcns': { level: 'developing', evidence: 1 } },
    );
    const b = await seedAssessment(
      { asAt: '2020-03-31' },
      { 'care.pcns': { level: 'maturing', evidence: 1 } },
    );
    renderApp(`/compare/${a},${b}`, { language: PSEUDO, resources });
    await screen.findByTestId('compare-summary');
    expect(untranslatedText()).toEqual([]);
  });

  it('board paper (charts are drawings: their figures are checked in the tables beside them)', async () => {
    const a = await seedAssessment(
      { asAt: '2019-06-30' },
      { 'care.pcns': { level: 'developing', evidence: 1 } },
    );
    await seedAssessment({ asAt: '2020-03-31' }, { 'care.pcns': { level: 'maturing' } });
    renderApp(`/assessments/${a}/paper`, { language: PSEUDO, resources });
    await screen.findByTestId('paper-system');
    document.querySelectorAll('.paper-chart').forEach((chart) => chart.remove());
    expect(untranslatedText()).toEqual([]);
  });

  it('backup and restore', async () => {
    await seedAssessment({}, { 'care.pcns': { level: 'developing' } });
    renderApp('/backup', { language: PSEUDO, resources });
    await screen.findByTestId('last-backup');
    expect(untranslatedText()).toEqual([]);
  });

  it('workshop: participants, hidden and revealed spread', async () => {
    const user = userEvent.setup();
    const assessmentId = await seedAssessment({});
    const workshopId = await createWorkshop({
      assessmentId,
      title: 'Baseline',
      date: '2019-09-12',
      facilitator: '',
      isAnonymous: false,
      criterionIds: ['care.pcns', 'care.phm'],
    });
    const participant = await addParticipant(workshopId, {
      label: 'Evidence 1',
      organisation: 'Baseline',
      sector: 'acute-trust',
    });
    await saveIndividualRating(workshopId, participant, 'care.pcns', 'maturing', 'Northshire ICS');
    DATA.add(
      makeJoinCode({
        workshopId,
        frameworkCriterionIds: allCriteria(framework as Framework).map((c) => c.id),
        criterionIds: ['care.pcns', 'care.phm'],
      }),
    );
    renderApp(`/workshops/${workshopId}`, { language: PSEUDO, resources });
    await user.click(await screen.findByRole('button', { name: '⟦Reveal the ratings⟧' }));
    await screen.findAllByRole('article');
    expect(untranslatedText()).toEqual([]);
    renderApp(`/assessments/${assessmentId}/workshops`, { language: PSEUDO, resources });
    await screen.findAllByText(/Start a workshop/);
    expect(untranslatedText()).toEqual([]);
  });

  it('workshop facilitator view: hidden, revealed, agreed, with the note open', async () => {
    const user = userEvent.setup();
    const assessmentId = await seedAssessment({});
    const workshopId = await createWorkshop({
      assessmentId,
      title: 'Baseline',
      date: '2019-09-12',
      facilitator: '',
      isAnonymous: false,
      criterionIds: ['care.pcns', 'care.phm'],
    });
    const participant = await addParticipant(workshopId, {
      label: 'Evidence 1',
      organisation: 'Baseline',
      sector: 'acute-trust',
    });
    await saveIndividualRating(workshopId, participant, 'care.pcns', 'maturing', '');
    renderApp(`/workshops/${workshopId}/facilitate`, { language: PSEUDO, resources });
    await screen.findByText(/Votes are hidden/);
    expect(untranslatedText()).toEqual([]);
    await user.keyboard('r');
    await screen.findByRole('table');
    await user.keyboard('3');
    await screen.findByText(/Recorded: /);
    await user.keyboard('n');
    await user.keyboard('Northshire ICS');
    expect(untranslatedText()).toEqual([]);
  });

  it('joining a workshop and rating on a participant’s own device', async () => {
    await joinWorkshop({
      workshopId: 'ws-1',
      joinedBy: 'invitation',
      title: 'Baseline',
      date: '2019-09-12',
      facilitator: 'Northshire ICS',
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
      criterionIds: ['care.pcns'],
      participant: { label: 'Evidence 1', organisation: 'Baseline', sector: 'primary-care' },
    });
    await markResponseExported('ws-1', Date.UTC(2019, 8, 12, 10));
    renderApp('/join', { language: PSEUDO, resources });
    await screen.findAllByText(/Workshops you joined on this device/);
    expect(untranslatedText()).toEqual([]);
    renderApp('/join/ws-1', { language: PSEUDO, resources });
    await screen.findAllByText(/Save my response file/);
    expect(untranslatedText()).toEqual([]);
  });

  it('would catch a hard-coded string', async () => {
    renderApp('/', { language: PSEUDO, resources });
    await screen.findAllByText(/⟦/);
    const stray = document.createElement('p');
    stray.textContent = 'Hard-coded English';
    document.body.append(stray);
    expect(untranslatedText()).toEqual(['Hard-coded English']);
  });
});
