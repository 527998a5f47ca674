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
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={t('scrollRegion', { name: label })}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
