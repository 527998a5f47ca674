import { useTranslation } from 'react-i18next';
import { Link } from '@/lib/router';

/** Where a back link goes, which names its words. */
type BackTo = 'assessments' | 'editor' | 'results';

/**
 * The NHS.UK back link, to the page one level up: a real link to a known place rather than the
 * browser's history, which might lead out of the app or to a step of a form already left.
 */
export function BackLink({ href, to }: { href: string; to: BackTo }) {
  const { t } = useTranslation('common');
  return (
    <Link className="nhsuk-back-link no-print" href={href}>
      {t(`back.${to}`)}
    </Link>
  );
}
