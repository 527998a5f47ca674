/** The framework a new assessment uses. Older assessments keep the id and version they were made with. */
export const CURRENT_FRAMEWORK = { id: 'ics-maturity-2019', version: '1.0.0' } as const;
