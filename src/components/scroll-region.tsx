import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide table's horizontal scroll area. It is focusable and labelled so that keyboard users can
 * scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable"). Its name says it is the table
 * ("Development plan – table"), so it never repeats the name of the section it sits in: two
 * landmarks with one name cannot be told apart in a screen reader's list of regions.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation('common');
  return <TableScroll name={t('scrollRegion', { name: label })}>{children}</TableScroll>;
}

/**
 * The same area with its whole name given: for a screen that draws many at once (the workshop's
 * reveal draws 24), where a translation hook in each would cost more than the table itself.
 * `name` is `t('common:scrollRegion', { name })`, worked out by the caller.
 */
export function TableScroll({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={name} tabIndex={0}>
      {children}
    </div>
  );
}
