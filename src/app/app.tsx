import { lazy, Suspense, useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '@/components/error-boundary';
import { matchRoute, routes, type Route } from '@/config/routes';
import { FlashNoticeBanner } from '@/components/flash-notice';
import { AssessmentsScreen } from '@/features/assessments/components/assessments-screen';
import { Link, usePathname } from '@/lib/router';
import type { SaveErrorKind } from '@/storage/save-queue';
import { isChunkLoadError } from './pwa/chunk-error';
import { NewVersionNotice } from './pwa/new-version';
import { UpdatePrompt } from './pwa/update-prompt';
import { AppHeader } from './app-header';
import { RouteAnnouncer, useRouteFocus } from './route-focus';
import { LostDataBanner, OfflineIndicator, StorageProblemBanner } from './status-banners';

// Screens past the first are separate chunks: the first visit loads only the assessments list.
const EditorScreen = lazy(() =>
  import('@/features/assessment-editor/components/editor-screen').then((m) => ({
    default: m.EditorScreen,
  })),
);
const ResultsScreen = lazy(() =>
  import('@/features/results/components/results-screen').then((m) => ({
    default: m.ResultsScreen,
  })),
);
const PlanScreen = lazy(() =>
  import('@/features/plan/components/plan-screen').then((m) => ({ default: m.PlanScreen })),
);
const CompareScreen = lazy(() =>
  import('@/features/compare/components/compare-screen').then((m) => ({
    default: m.CompareScreen,
  })),
);
const BackupScreen = lazy(() =>
  import('@/features/backup/components/backup-screen').then((m) => ({ default: m.BackupScreen })),
);
const BoardPaperScreen = lazy(() =>
  import('@/features/board-paper/components/board-paper-screen').then((m) => ({
    default: m.BoardPaperScreen,
  })),
);
const WorkshopListScreen = lazy(() =>
  import('@/features/workshop/components/workshop-list-screen').then((m) => ({
    default: m.WorkshopListScreen,
  })),
);
const WorkshopScreen = lazy(() =>
  import('@/features/workshop/components/workshop-screen').then((m) => ({
    default: m.WorkshopScreen,
  })),
);
const FacilitatorView = lazy(() =>
  import('@/features/workshop/components/facilitator-view').then((m) => ({
    default: m.FacilitatorView,
  })),
);
const JoinScreen = lazy(() =>
  import('@/features/workshop/components/join-screen').then((m) => ({ default: m.JoinScreen })),
);
const JoinedWorkshopScreen = lazy(() =>
  import('@/features/workshop/components/joined-workshop-screen').then((m) => ({
    default: m.JoinedWorkshopScreen,
  })),
);
const SettingsScreen = lazy(() =>
  import('@/features/settings/components/settings-screen').then((m) => ({
    default: m.SettingsScreen,
  })),
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

export function App({ storageFailure = null }: { storageFailure?: SaveErrorKind | null }) {
  const { t } = useTranslation('common');
  const pathname = usePathname();
  const route = matchRoute(pathname);
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
      <Suspense fallback={<p>{t('loading')}</p>}>{screenFor(route)}</Suspense>
    </ErrorBoundary>
  );

  // The facilitator view is projected: the whole screen, without the header, nav and footer.
  if (route.name === 'workshopFacilitator') {
    return (
      <div className="projector">
        <UpdatePrompt />
        <StorageProblemBanner openFailure={storageFailure} />
        <LostDataBanner />
        <main id="main" tabIndex={-1}>
          {screen}
        </main>
        <RouteAnnouncer message={routeMessage} />
      </div>
    );
  }

  return (
    <>
      <a className="nhsuk-skip-link" href="#main">
        {t('skipLink')}
      </a>
      <AppHeader route={route} />
      <div className="nhsuk-width-container">
        <UpdatePrompt />
        <StorageProblemBanner openFailure={storageFailure} />
        <LostDataBanner />
        <OfflineIndicator />
        <FlashNoticeBanner />
        <main id="main" className="app-main" tabIndex={-1}>
          {screen}
        </main>
        <RouteAnnouncer message={routeMessage} />
      </div>
      <footer className="nhsuk-footer app-footer">
        <div className="nhsuk-width-container">
          <div className="nhsuk-footer__meta">
            <p className="nhsuk-body-s">{t('footer.privacy')}</p>
            <p className="nhsuk-body-s">{t('footer.attribution')}</p>
          </div>
        </div>
      </footer>
    </>
  );
}
