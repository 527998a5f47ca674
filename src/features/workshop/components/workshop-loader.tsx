import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MissingNotice } from '@/components/missing-notice';
import type { Framework } from '@/domain/framework/schema';
import { useFramework } from '@/hooks/use-framework';
import { getAssessment } from '@/storage/repositories/assessments-repo';
import { getWorkshopData, type WorkshopData } from '@/storage/repositories/workshops-repo';

/**
 * Loads a workshop live, with its assessment's framework version, and renders `children` once
 * both are there; says so plainly when the workshop or its assessment no longer exists.
 */
export function WorkshopLoader({
  workshopId,
  missing,
  children,
}: {
  workshopId: string;
  /** Shown instead of the usual notice (with its link out) when the workshop is gone. */
  missing?: ReactNode;
  children: (data: WorkshopData, framework: Framework) => ReactNode;
}) {
  const { t } = useTranslation('workshop');
  const data = useLiveQuery(() => getWorkshopData(workshopId), [workshopId]);
  const assessment = useLiveQuery(
    async () => (data ? getAssessment(data.workshop.assessmentId) : undefined),
    [data?.workshop.assessmentId],
  );
  if (data === undefined || (data && assessment === undefined)) return <p>{t('loading')}</p>;
  if (data === null || assessment === null || assessment === undefined) {
    return missing ?? <MissingNotice heading={t('missing')} backLabel={t('back')} />;
  }
  return (
    <Suspense fallback={<p>{t('loading')}</p>}>
      <WithFramework
        data={data}
        frameworkId={assessment.frameworkId}
        frameworkVersion={assessment.frameworkVersion}
      >
        {children}
      </WithFramework>
    </Suspense>
  );
}

function WithFramework({
  data,
  frameworkId,
  frameworkVersion,
  children,
}: {
  data: WorkshopData;
  frameworkId: string;
  frameworkVersion: string;
  children: (data: WorkshopData, framework: Framework) => ReactNode;
}) {
  return children(data, useFramework(frameworkId, frameworkVersion));
}
