// The data the in-browser benchmarks restore, as backup files in the format the app reads
// (src/domain/backup/backup-format.ts, version 3; docs/data-format.md). Seeding through the app's
// own restore keeps the bench independent of how the database is laid out: whatever the schema
// version, the app writes the records (and anything it derives from them) itself.
// Deterministic: every run makes the same files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BACKUP_TYPE = 'ics-maturity-backup';
export const BACKUP_VERSION = 3;
export const SYSTEMS = 40;
export const LEVEL_IDS = ['emerging', 'developing', 'maturing', 'thriving'];
const SECTORS = ['commissioner', 'acute-trust', 'community-provider'];
/** A fixed time in the past for every createdAt / updatedAt (the app refuses future times). */
const BASE_TIME = Date.UTC(2024, 0, 1);
const DAY = 24 * 60 * 60 * 1000;

export function readFramework(root) {
  return JSON.parse(
    readFileSync(join(root, 'src/content/frameworks/ics-maturity-2019.json'), 'utf8'),
  );
}

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const systemName = (s) => `Bench ICS ${String(s + 1).padStart(2, '0')}`;
export const assessmentId = (i) => `bench-${String(i).padStart(4, '0')}`;
/** The level assessment `i` gives its criterion number `j` (what the editor bench starts from). */
export const seededLevel = (i, j) => LEVEL_IDS[(i + Math.floor(j / 2)) % 4];

/**
 * `count` assessments spread over up to 40 systems (1,000 → 40 systems × 25), each with all
 * criteria rated: a level, a two-sentence rationale, one or two evidence items and a confidence.
 * Assessment k of a system is dated k × 61 days after March 2015 (newest last).
 */
export function assessmentsData(framework, count) {
  const criteria = framework.characteristics.flatMap((c) => c.criteria);
  const systems = Math.min(SYSTEMS, count);
  const assessments = [];
  const ratings = [];
  for (let i = 0; i < count; i++) {
    const id = assessmentId(i);
    const round = Math.floor(i / systems);
    const time = BASE_TIME + i * 60_000;
    assessments.push({
      id,
      systemName: systemName(i % systems),
      title: `Self-assessment ${round + 1}`,
      asAt: isoDay(Date.UTC(2015, 2, 31) + round * 61 * DAY),
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      basedOnId: round > 0 ? assessmentId(i - systems) : null,
      status: { state: 'draft' },
      statusHistory: [],
      createdAt: time,
      updatedAt: time,
      stamps: {},
    });
    criteria.forEach((criterion, j) => {
      ratings.push({
        assessmentId: id,
        criterionId: criterion.id,
        level: seededLevel(i, j),
        rationale: `Partners reviewed ${criterion.title.toLowerCase()} at the board. The level reflects the evidence below.`,
        evidence: [
          { id: `${id}-${j}-1`, text: 'Partnership board minutes', url: 'https://example.org/m' },
          ...(j % 2 ? [{ id: `${id}-${j}-2`, text: 'System plan, section 4', url: '' }] : []),
        ],
        confidence: ['high', 'medium', 'low'][(i + j) % 3],
        updatedAt: time,
        stamps: {},
      });
    });
  }
  return { assessments, ratings };
}

/** No workshop tables: the assessments-only files. */
const NO_WORKSHOPS = {
  workshops: [],
  participants: [],
  individualRatings: [],
  agreements: [],
  responseFiles: [],
};

function backupFile(data) {
  return JSON.stringify({
    type: BACKUP_TYPE,
    version: BACKUP_VERSION,
    exportedAt: new Date(BASE_TIME + 30 * DAY).toISOString(),
    app: { name: 'ICS Maturity', version: 'bench' },
    scope: 'all',
    data: { targets: [], actions: [], ...NO_WORKSHOPS, ...data },
  });
}

/** A backup of `count` assessments (see assessmentsData). */
export function assessmentsBackup(framework, count) {
  return backupFile(assessmentsData(framework, count));
}

export const WORKSHOP_ID = 'bench-workshop';
export const WORKSHOP_ASSESSMENT_ID = 'bench-workshop-assessment';

/**
 * One assessment (no ratings) with a workshop of `participants` people rating every criterion
 * (about one rating in eleven left blank, a note on every fourth criterion), nothing agreed yet.
 */
export function workshopBackup(framework, participants = 40) {
  const criterionIds = framework.characteristics.flatMap((c) => c.criteria.map((cr) => cr.id));
  const time = BASE_TIME;
  const people = Array.from({ length: participants }, (_, p) => ({
    id: `bench-participant-${p + 1}`,
    workshopId: WORKSHOP_ID,
    label: `Participant ${p + 1}`,
    organisation: `Organisation ${(p % 9) + 1}`,
    sector: SECTORS[p % SECTORS.length],
    joinedVia: 'this-device',
    createdAt: time + p,
  }));
  return backupFile({
    assessments: [
      {
        id: WORKSHOP_ASSESSMENT_ID,
        systemName: 'Bench workshop ICS',
        title: 'Workshop self-assessment',
        asAt: '2024-01-15',
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        basedOnId: null,
        status: { state: 'draft' },
        statusHistory: [],
        createdAt: time,
        updatedAt: time,
        stamps: {},
      },
    ],
    ratings: [],
    workshops: [
      {
        id: WORKSHOP_ID,
        assessmentId: WORKSHOP_ASSESSMENT_ID,
        title: 'Partnership board workshop',
        date: '2024-01-10',
        facilitator: 'Facilitator',
        isAnonymous: false,
        criterionIds,
        createdAt: time,
        updatedAt: time,
      },
    ],
    participants: people,
    individualRatings: people.flatMap((person, p) =>
      criterionIds.map((criterionId, c) => ({
        workshopId: WORKSHOP_ID,
        participantId: person.id,
        criterionId,
        level: (p + c) % 11 === 0 ? null : LEVEL_IDS[(p * 7 + c * 3) % 4],
        note: c % 4 === 0 ? `Note from ${person.label} on this criterion.` : '',
        ratedAt: time + p,
      })),
    ),
    agreements: [],
    responseFiles: [],
  });
}

/**
 * The response files of `participants` people rating every criterion of the workshop (as
 * workshopBackup's ratings), as their devices save them (pretty-printed JSON): what the
 * facilitator imports. `{ name, content }` each.
 */
export function responseFiles(framework, participants = 40) {
  const criterionIds = framework.characteristics.flatMap((c) => c.criteria.map((cr) => cr.id));
  return Array.from({ length: participants }, (_, p) => ({
    name: `workshop-response-${p + 1}.json`,
    content: JSON.stringify(
      {
        type: 'ics-maturity-workshop-response',
        version: 1,
        workshop: { id: WORKSHOP_ID, title: 'Partnership board workshop' },
        framework: { id: framework.id, version: framework.version },
        participant: {
          id: `bench-participant-${p + 1}`,
          label: `Participant ${p + 1}`,
          organisation: `Organisation ${(p % 9) + 1}`,
          sector: SECTORS[p % SECTORS.length],
        },
        submittedAt: new Date(BASE_TIME + p * 60_000).toISOString(),
        ratings: criterionIds.map((criterionId, c) => ({
          criterionId,
          level: (p + c) % 11 === 0 ? null : LEVEL_IDS[(p * 7 + c * 3) % 4],
          note: c % 4 === 0 ? `Note from Participant ${p + 1} on this criterion.` : '',
        })),
      },
      null,
      2,
    ),
  }));
}
