/**
 * Who rates in a workshop: a name or anonymous label, an organisation and a sector (the spread of
 * ratings is also shown by sector). Pure.
 */
export const SECTORS = [
  'commissioner',
  'acute-trust',
  'community-provider',
  'mental-health-provider',
  'primary-care',
  'local-authority',
  'voluntary-sector',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export type Participant = { id: string; label: string; organisation: string; sector: Sector };
