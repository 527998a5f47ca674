import { routes } from '@/config/routes';
import { Link } from '@/lib/router';

/** What a screen shows when the record it was opened for no longer exists. */
export function MissingNotice({ heading, backLabel }: { heading: string; backLabel: string }) {
  return (
    <>
      <h1>{heading}</h1>
      <Link href={routes.assessments.href()}>{backLabel}</Link>
    </>
  );
}
