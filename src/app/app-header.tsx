import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routes, type Route } from '@/config/routes';
import { Link, usePathname } from '@/lib/router';

type NavItem = {
  key: 'assessments' | 'compare' | 'join' | 'region' | 'backup' | 'settings';
  href: string;
};

const NAV_ITEMS: readonly NavItem[] = [
  { key: 'assessments', href: routes.assessments.href() },
  { key: 'compare', href: routes.compare.href() },
  { key: 'join', href: routes.join.href() },
  { key: 'region', href: routes.region.href() },
  { key: 'backup', href: routes.backup.href() },
  { key: 'settings', href: routes.settings.href() },
];

function isCurrent(item: NavItem, route: Route): boolean {
  if (item.key === 'join') return route.name === 'join' || route.name === 'joined';
  return route.name === item.key;
}

/**
 * The NHS.UK header pattern (nhsuk-frontend's classes, none of its JavaScript): the service name,
 * then the navigation. From tablet width the links sit in a row that wraps when it must. Below
 * tablet width (a phone, or 1280 px at 400 % zoom) they collapse behind a "Menu" button — a
 * native button with aria-expanded, so Enter and Space open it; Escape closes it and returns focus
 * to the button; following a link closes it.
 */
export function AppHeader({ route }: { route: Route }) {
  const { t } = useTranslation('common');
  const listId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // A new page closes the menu.
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setIsOpen(false);
  }
  useEffect(() => {
    if (!isOpen) return;
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [isOpen]);
  const onToggleKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' && !isOpen) setIsOpen(true);
  };
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
          <button
            ref={toggleRef}
            type="button"
            className="nhsuk-header__menu-toggle nhsuk-header__navigation-link app-header__menu-toggle"
            aria-expanded={isOpen}
            aria-controls={listId}
            onClick={() => setIsOpen((open) => !open)}
            onKeyDown={onToggleKeyDown}
          >
            {t('nav.menu')}
          </button>
          <ul
            id={listId}
            className="nhsuk-header__navigation-list app-header__navigation-list"
            data-open={isOpen}
          >
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
