import { lazy, Suspense, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '@/components/error-boundary';
import { matchRoute, routes, type Route } from '@/config/routes';
import { FlashNoticeBanner } from '@/components/flash-notice';
import { AssessmentsIntro } from '@/features/assessments/components/assessments-intro';
import { lockAfterInterruption, usePrivateLock } from '@/features/workshop/lib/private-lock-store';
import { Link, navigate, usePathname } from '@/lib/router';
import { isChunkLoadError } from './pwa/chunk-error';
import { NewVersionNotice } from './pwa/new-version';
import { UpdatePrompt } from './pwa/update-prompt';
import { AppHeader } from './app-header';
import { RouteAnnouncer, useRouteFocus } from './route-focus';
import { OfflineIndicator } from './status-banners';
import { useStorageStatus, type StorageStatus } from './storage-status';

// Every screen is a chunk of its own. The first paint is the shell and the screen's placeholder;
// the screen's chunk loads while storage opens (preloadScreen), and renders once storage is open.
const loaders = {
  assessments: () => import('@/features/assessments/components/assessments-screen'),
  editor: () => import('@/features/assessment-editor/components/editor-screen'),
  results: () => import('@/features/results/components/results-screen'),
  plan: () => import('@/features/plan/components/plan-screen'),
  compare: () => import('@/features/compare/components/compare-screen'),
  backup: () => import('@/features/backup/components/backup-screen'),
  paper: () => import('@/features/board-paper/components/board-paper-screen'),
  workshops: () => import('@/features/workshop/components/workshop-list-screen'),
  workshop: () => import('@/features/workshop/components/workshop-screen'),
  workshopFacilitator: () => import('@/features/workshop/components/facilitator-view'),
  join: () => import('@/features/workshop/components/join-screen'),
  joined: () => import('@/features/workshop/components/joined-workshop-screen'),
  settings: () => import('@/features/settings/components/settings-screen'),
  region: () => import('@/features/regional/components/regional-screen'),
} satisfies Partial<Record<Route['name'], () => Promise<unknown>>>;

/** Starts loading the route's screen (a cached module after the first call). */
export function preloadScreen(route: Route): void {
  if (route.name in loaders) void loaders[route.name as keyof typeof loaders]().catch(() => null);
}

const AssessmentsScreen = lazy(() =>
  loaders.assessments().then((m) => ({ default: m.AssessmentsScreen })),
);
const EditorScreen = lazy(() => loaders.editor().then((m) => ({ default: m.EditorScreen })));
const ResultsScreen = lazy(() => loaders.results().then((m) => ({ default: m.ResultsScreen })));
const PlanScreen = lazy(() => loaders.plan().then((m) => ({ default: m.PlanScreen })));
const CompareScreen = lazy(() => loaders.compare().then((m) => ({ default: m.CompareScreen })));
const BackupScreen = lazy(() => loaders.backup().then((m) => ({ default: m.BackupScreen })));
const BoardPaperScreen = lazy(() => loaders.paper().then((m) => ({ default: m.BoardPaperScreen })));
const WorkshopListScreen = lazy(() =>
  loaders.workshops().then((m) => ({ default: m.WorkshopListScreen })),
);
const WorkshopScreen = lazy(() => loaders.workshop().then((m) => ({ default: m.WorkshopScreen })));
const FacilitatorView = lazy(() =>
  loaders.workshopFacilitator().then((m) => ({ default: m.FacilitatorView })),
);
const JoinScreen = lazy(() => loaders.join().then((m) => ({ default: m.JoinScreen })));
const JoinedWorkshopScreen = lazy(() =>
  loaders.joined().then((m) => ({ default: m.JoinedWorkshopScreen })),
);
const RegionalScreen = lazy(() => loaders.region().then((m) => ({ default: m.RegionalScreen })));
const SettingsScreen = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsScreen })));
const StorageBanners = lazy(() =>
  import('./storage-banners').then((m) => ({ default: m.StorageBanners })),
);

function screenFor(route: Route): ReactNode {
  switch (route.name) {
    case 'assessments':
      return <AssessmentsScreen />;
    case 'editor':
      return <EditorScreen assessmentId={route.assessmentId} step={route.step} />;
    case 'results':
      return <ResultsScreen assessmentId={route.assessmentId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'plan':
      return <PlanScreen systemKey={route.systemKey} />;
    case 'workshops':
      return <WorkshopListScreen assessmentId={route.assessmentId} />;
    case 'paper':
      return <BoardPaperScreen assessmentId={route.assessmentId} />;
    case 'workshop':
      return <WorkshopScreen workshopId={route.workshopId} />;
    case 'workshopFacilitator':
      return <FacilitatorView workshopId={route.workshopId} />;
    case 'join':
      return <JoinScreen />;
    case 'joined':
      return <JoinedWorkshopScreen workshopId={route.workshopId} />;
    case 'backup':
      return <BackupScreen />;
    case 'region':
      return <RegionalScreen />;
    case 'compare':
      return <CompareScreen assessmentIds={route.assessmentIds} />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation('common');
  return (
    <>
      <h1>{t('notFound.heading')}</h1>
      <Link href={routes.assessments.href()}>{t('notFound.back')}</Link>
    </>
  );
}

/**
 * While locked (`lockedPath` is the workshop's address): the address bar is put back to the
 * workshop, and the browser's Back lands on the hand-over screen. Entering the lock pushes a
 * history entry (the workshop screen does), so Back stays on this page; each Back pushes another.
 */
function usePrivateLockGuard(lockedPath: string | null, actualPathname: string): void {
  useEffect(() => {
    if (lockedPath === null || actualPathname === lockedPath) return;
    lockAfterInterruption();
    navigate(lockedPath, { replace: true });
  }, [lockedPath, actualPathname]);
  useEffect(() => {
    if (lockedPath === null) return;
    const onPopState = (): void => {
      lockAfterInterruption();
      navigate(lockedPath);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [lockedPath]);
}

/** The app as main.tsx starts it: storage opens after the first paint. */
export function Root() {
  return <App storage={useStorageStatus()} />;
}

export function App({ storage = { state: 'open' } }: { storage?: StorageStatus }) {
  const { t } = useTranslation('common');
  const isOpening = storage.state === 'opening';
  const storageBanners = !isOpening && (
    <Suspense fallback={null}>
      <StorageBanners openFailure={storage.state === 'failed' ? storage.problem : null} />
    </Suspense>
  );
  // A reload (or an address typed in) while a participant has the laptop: their ratings go back
  // behind the hand-over screen before anything is drawn.
  useState(lockAfterInterruption);
  const lock = usePrivateLock();
  const actualPathname = usePathname();
  // Locked, every address shows that workshop's hand-over, rating or hand-back screen.
  const pathname = lock ? routes.workshop.href(lock.workshopId) : actualPathname;
  const route = matchRoute(pathname);
  usePrivateLockGuard(lock === null ? null : pathname, actualPathname);
  // A new page is another path, except the comparison's choice of assessments: it is kept in the
  // URL but made on the page, so choosing one neither re-mounts the screen nor moves focus.
  const screenKey = route.name === 'compare' ? route.name : pathname;
  const routeMessage = useRouteFocus(screenKey);

  // The route's title until the screen sets its own (hooks/use-page-title), which it does in an
  // effect: after this one, so the more specific title wins.
  useLayoutEffect(() => {
    document.title = `${t(`pageTitle.${route.name}`)}${t('pageTitle.separator')}${t('appName')}`;
  }, [pathname, route.name, t]);

  const screen = (
    <ErrorBoundary
      key={screenKey}
      fallback={(error) =>
        // A screen's code that is gone after an update: not an error, a reload brings it back.
        isChunkLoadError(error) ? (
          <NewVersionNotice />
        ) : (
          <div role="alert" className="banner banner--error">
            <p>{t('screenError')}</p>
          </div>
        )
      }
    >
      {route.name === 'assessments' ? (
        // The list's heading and introduction are the first paint and stay the same elements when
        // the list arrives below them: no later, second "largest paint", nothing shifts.
        <>
          <AssessmentsIntro />
          {!isOpening && <Suspense fallback={null}>{screenFor(route)}</Suspense>}
        </>
      ) : isOpening ? (
        <p>{t('loading')}</p>
      ) : (
        <Suspense fallback={<p>{t('loading')}</p>}>{screenFor(route)}</Suspense>
      )}
    </ErrorBoundary>
  );

  // The facilitator view is projected: the whole screen, without the header, nav and footer.
  if (route.name === 'workshopFacilitator') {
    return (
      <div className="projector">
        <UpdatePrompt />
        {storageBanners}
        <main id="main" tabIndex={-1}>
          {screen}
        </main>
        <RouteAnnouncer message={routeMessage} />
      </div>
    );
  }

  // Pass the laptop (`lock`): no header, navigation, footer or links, only the workshop's private
  // screens. The same tree either way, so the screen is not re-mounted as the lock comes and goes.
  return (
    <>
      {!lock && (
        <a className="nhsuk-skip-link" href="#main">
          {t('skipLink')}
        </a>
      )}
      {!lock && <AppHeader route={route} />}
      <div className="nhsuk-width-container">
        <UpdatePrompt />
        {storageBanners}
        <OfflineIndicator />
        {!lock && <FlashNoticeBanner />}
        <main id="main" className="app-main" tabIndex={-1}>
          {screen}
        </main>
        <RouteAnnouncer message={routeMessage} />
      </div>
      {!lock && (
        <footer className="nhsuk-footer app-footer">
          <div className="nhsuk-width-container">
            <div className="nhsuk-footer__meta">
              <p className="nhsuk-body-s">{t('footer.privacy')}</p>
              <p className="nhsuk-body-s">{t('footer.attribution')}</p>
            </div>
          </div>
        </footer>
      )}
    </>
  );
}
