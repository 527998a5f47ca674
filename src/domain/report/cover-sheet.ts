/**
 * The cover sheet NHS board papers open with: the meeting, who the paper is from, what the board
 * is asked to do, and the implications a board checks before it reads on. The fields are typed in
 * the app and remembered per system; what is left blank is filled from the paper where the paper
 * knows the answer (its title, the generated headline, its appendices) and otherwise shown as not
 * stated, so a gap is visible rather than hidden.
 *
 * Pure: no text of its own beyond what was typed, no dates formatted.
 */

/** The fields a person types, in the order the cover sheet shows them. */
export const COVER_FIELDS = [
  'board',
  'meetingDate',
  'agendaItem',
  'session',
  'paperTitle',
  'reportFrom',
  'author',
  'purpose',
  'executiveSummary',
  'recommendations',
  'strategicObjectives',
  'risks',
  'inequalities',
  'financial',
  'previouslyConsidered',
] as const;
export type CoverField = (typeof COVER_FIELDS)[number];

/** What was typed, as the form keeps it (every field a string; '' when blank). */
export type CoverSheetValues = Record<CoverField, string>;

export const SESSIONS = ['public', 'private'] as const;
export type Session = (typeof SESSIONS)[number];

export const PURPOSES = ['approval', 'assurance', 'discussion', 'information'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Longest text a field takes: a cover sheet is one page. */
export const COVER_LIMITS: Record<CoverField, number> = {
  board: 120,
  meetingDate: 10,
  agendaItem: 20,
  session: 10,
  paperTitle: 200,
  reportFrom: 120,
  author: 120,
  purpose: 20,
  executiveSummary: 1200,
  recommendations: 800,
  strategicObjectives: 600,
  risks: 800,
  inequalities: 600,
  financial: 600,
  previouslyConsidered: 300,
};

export const EMPTY_COVER_SHEET: CoverSheetValues = Object.fromEntries(
  COVER_FIELDS.map((field) => [field, '']),
) as CoverSheetValues;

/**
 * One row of the cover sheet. `text` rows carry what was typed (or the paper's default);
 * `lines` rows are lists typed one item per line; `date`, `session` and `purpose` rows carry a
 * value the renderer words. A `null` value is a field left blank with nothing to fill it from.
 */
export type CoverRow =
  | { field: 'meetingDate'; kind: 'date'; value: string | null }
  | { field: 'session'; kind: 'session'; value: Session | null }
  | { field: 'purpose'; kind: 'purpose'; value: Purpose | null }
  | { field: 'recommendations' | 'appendices'; kind: 'lines'; value: string[] | null }
  | {
      field: Exclude<CoverField, 'meetingDate' | 'session' | 'purpose' | 'recommendations'>;
      kind: 'text';
      value: string | null;
    };

export type CoverDefaults = {
  /** The paper's own title, used when no title is typed. */
  paperTitle: string;
  /** The generated headline, used when no executive summary is typed. */
  executiveSummary: string;
  /** The paper's appendices, listed on the cover sheet. */
  appendices: readonly string[];
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isOneOf<T extends string>(options: readonly T[], value: string): value is T {
  return (options as readonly string[]).includes(value);
}

function clean(value: string | undefined, field: CoverField): string | null {
  const text = (value ?? '').trim().slice(0, COVER_LIMITS[field]);
  return text === '' ? null : text;
}

function lines(value: string | null): string[] | null {
  if (value === null) return null;
  const items = value
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '');
  return items.length > 0 ? items : null;
}

/** A date only when it is a real calendar date (a half-typed one is treated as blank). */
function isoDate(value: string | null): string | null {
  if (value === null || !ISO_DATE.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/** The cover sheet's rows, in order, from what was typed and the paper's defaults. */
export function coverSheetRows(
  typed: Partial<CoverSheetValues>,
  defaults: CoverDefaults,
): CoverRow[] {
  const text = (field: CoverField) => clean(typed[field], field);
  const session = text('session');
  const purpose = text('purpose');
  const rows: CoverRow[] = [
    { field: 'board', kind: 'text', value: text('board') },
    { field: 'meetingDate', kind: 'date', value: isoDate(text('meetingDate')) },
    { field: 'agendaItem', kind: 'text', value: text('agendaItem') },
    {
      field: 'session',
      kind: 'session',
      value: session && isOneOf(SESSIONS, session) ? session : null,
    },
    { field: 'paperTitle', kind: 'text', value: text('paperTitle') ?? defaults.paperTitle },
    { field: 'reportFrom', kind: 'text', value: text('reportFrom') },
    { field: 'author', kind: 'text', value: text('author') },
    {
      field: 'purpose',
      kind: 'purpose',
      value: purpose && isOneOf(PURPOSES, purpose) ? purpose : null,
    },
    {
      field: 'executiveSummary',
      kind: 'text',
      value: text('executiveSummary') ?? (defaults.executiveSummary || null),
    },
    { field: 'recommendations', kind: 'lines', value: lines(text('recommendations')) },
    { field: 'strategicObjectives', kind: 'text', value: text('strategicObjectives') },
    { field: 'risks', kind: 'text', value: text('risks') },
    { field: 'inequalities', kind: 'text', value: text('inequalities') },
    { field: 'financial', kind: 'text', value: text('financial') },
    { field: 'previouslyConsidered', kind: 'text', value: text('previouslyConsidered') },
    {
      field: 'appendices',
      kind: 'lines',
      value: defaults.appendices.length > 0 ? [...defaults.appendices] : null,
    },
  ];
  return rows;
}

/** How many of the fields a person fills in are still blank (the paper's defaults aside). */
export function blankCoverFields(typed: Partial<CoverSheetValues>): CoverField[] {
  return COVER_FIELDS.filter(
    (field) =>
      field !== 'paperTitle' && field !== 'executiveSummary' && clean(typed[field], field) === null,
  );
}
