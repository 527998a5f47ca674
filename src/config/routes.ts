/**
 * Every route of the app, declared once. Components build links with `href()` and the router
 * matches with `match()`; no path string is written anywhere else.
 */
export type Route =
  | { name: 'assessments' }
  | { name: 'editor'; assessmentId: string; step: string | null }
  | { name: 'results'; assessmentId: string }
  | { name: 'paper'; assessmentId: string }
  | { name: 'settings' }
  | { name: 'plan'; systemKey: string }
  | { name: 'compare'; assessmentIds: string[] }
  | { name: 'backup' }
  | { name: 'region' }
  | { name: 'workshops'; assessmentId: string }
  | { name: 'workshop'; workshopId: string }
  | { name: 'workshopFacilitator'; workshopId: string }
  | { name: 'join' }
  | { name: 'joined'; workshopId: string }
  | { name: 'notFound' };

export const routes = {
  assessments: { href: () => '/' },
  editor: {
    href: (assessmentId: string, step?: string) =>
      `/assessments/${encodeURIComponent(assessmentId)}/edit${step ? `/${encodeURIComponent(step)}` : ''}`,
  },
  results: {
    href: (assessmentId: string) => `/assessments/${encodeURIComponent(assessmentId)}/results`,
  },
  paper: {
    href: (assessmentId: string) => `/assessments/${encodeURIComponent(assessmentId)}/paper`,
  },
  settings: { href: () => '/settings' },
  backup: { href: () => '/backup' },
  region: { href: () => '/region' },
  workshops: {
    href: (assessmentId: string) => `/assessments/${encodeURIComponent(assessmentId)}/workshops`,
  },
  workshop: { href: (workshopId: string) => `/workshops/${encodeURIComponent(workshopId)}` },
  join: { href: () => '/join' },
  joined: { href: (workshopId: string) => `/join/${encodeURIComponent(workshopId)}` },
  workshopFacilitator: {
    href: (workshopId: string) => `/workshops/${encodeURIComponent(workshopId)}/facilitate`,
  },
  plan: { href: (systemKey: string) => `/systems/${encodeURIComponent(systemKey)}/plan` },
  compare: {
    href: (assessmentIds: readonly string[] = []) =>
      assessmentIds.length > 0
        ? `/compare/${assessmentIds.map(encodeURIComponent).join(',')}`
        : '/compare',
  },
} as const;

/**
 * The route for `pathname`. A malformed percent-escape (`/assessments/%E0%A4%A/edit`, from a
 * truncated or hand-edited link) cannot be decoded: that is the not-found page, never a throw,
 * since this runs while the app shell renders, outside any error boundary.
 */
export function matchRoute(pathname: string): Route {
  try {
    return matchDecodedRoute(pathname);
  } catch (error) {
    if (error instanceof URIError) return { name: 'notFound' };
    throw error;
  }
}

function matchDecodedRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'assessments' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/backup') return { name: 'backup' };
  if (path === '/region') return { name: 'region' };
  if (path === '/join') return { name: 'join' };
  const joined = /^\/join\/([^/]+)$/.exec(path);
  if (joined?.[1]) return { name: 'joined', workshopId: decodeURIComponent(joined[1]) };
  const editor = /^\/assessments\/([^/]+)\/edit(?:\/([^/]+))?$/.exec(path);
  if (editor?.[1]) {
    return {
      name: 'editor',
      assessmentId: decodeURIComponent(editor[1]),
      step: editor[2] ? decodeURIComponent(editor[2]) : null,
    };
  }
  const results = /^\/assessments\/([^/]+)\/results$/.exec(path);
  if (results?.[1]) return { name: 'results', assessmentId: decodeURIComponent(results[1]) };
  const paper = /^\/assessments\/([^/]+)\/paper$/.exec(path);
  if (paper?.[1]) return { name: 'paper', assessmentId: decodeURIComponent(paper[1]) };
  const workshops = /^\/assessments\/([^/]+)\/workshops$/.exec(path);
  if (workshops?.[1]) return { name: 'workshops', assessmentId: decodeURIComponent(workshops[1]) };
  const workshop = /^\/workshops\/([^/]+)$/.exec(path);
  if (workshop?.[1]) return { name: 'workshop', workshopId: decodeURIComponent(workshop[1]) };
  const facilitate = /^\/workshops\/([^/]+)\/facilitate$/.exec(path);
  if (facilitate?.[1]) {
    return { name: 'workshopFacilitator', workshopId: decodeURIComponent(facilitate[1]) };
  }
  const compare = /^\/compare(?:\/([^/]+))?$/.exec(path);
  if (compare) {
    const ids = compare[1] ? compare[1].split(',').filter(Boolean).map(decodeURIComponent) : [];
    return { name: 'compare', assessmentIds: ids };
  }
  const plan = /^\/systems\/([^/]+)\/plan$/.exec(path);
  if (plan?.[1]) return { name: 'plan', systemKey: decodeURIComponent(plan[1]) };
  return { name: 'notFound' };
}
