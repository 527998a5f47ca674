import { useTranslation } from 'react-i18next';
import { routes, type Route } from '@/config/routes';
import { Link } from '@/lib/router';

type NavItem = { key: 'assessments' | 'compare' | 'join' | 'backup' | 'settings'; href: string };

const NAV_ITEMS: readonly NavItem[] = [
  { key: 'assessments', href: routes.assessments.href() },
  { key: 'compare', href: routes.compare.href() },
  { key: 'join', href: routes.join.href() },
  { key: 'backup', href: routes.backup.href() },
  { key: 'settings', href: routes.settings.href() },
];

function isCurrent(item: NavItem, route: Route): boolean {
  if (item.key === 'join') return route.name === 'join' || route.name === 'joined';
  return route.name === item.key;
}

/**
 * The NHS.UK header pattern (nhsuk-frontend's classes, none of its JavaScript): the service name,
 * then the navigation. The list wraps onto a second line when the screen is narrow (320 px, or
 * 1280 px at 400 % zoom), so every link stays visible and reachable with Tab; nothing is hidden
 * behind a menu that needs a script.
 */
export function AppHeader({ route }: { route: Route }) {
  const { t } = useTranslation('common');
  return (
    <header className="nhsuk-header app-header">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" href={routes.assessments.href()}>
            <span className="app-header__logo" aria-hidden="true">
              {t('logo')}
            </span>
            <span className="nhsuk-header__service-name app-header__service-name">
              {t('appName')}
            </span>
          </Link>
        </div>
      </div>
      <nav className="nhsuk-header__navigation" aria-label={t('nav.label')}>
        <div className="nhsuk-header__navigation-container nhsuk-width-container">
          <ul className="nhsuk-header__navigation-list">
            {NAV_ITEMS.map((item) => {
              const current = isCurrent(item, route);
              return (
                <li
                  key={item.key}
                  className={`nhsuk-header__navigation-item${current ? ' nhsuk-header__navigation-item--current' : ''}`}
                >
                  <Link
                    className="nhsuk-header__navigation-link"
                    href={item.href}
                    aria-current={current ? 'page' : undefined}
                  >
                    {current ? (
                      <strong className="nhsuk-header__navigation-item-current-fallback">
                        {t(`nav.${item.key}`)}
                      </strong>
                    ) : (
                      t(`nav.${item.key}`)
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      </nav>
    </header>
  );
}
