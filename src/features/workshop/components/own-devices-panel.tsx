import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDropZone } from '@/components/file-drop-zone';
import { allCriteria } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import { makeInvitation } from '@/domain/workshop/invitation';
import { makeJoinCode } from '@/domain/workshop/join-code';
import {
  MAX_RESPONSE_BYTES,
  readResponse,
  type ImportOutcome,
  type ResponseFile,
  type ResponseProblem,
} from '@/domain/workshop/response-file';
import { downloadFile, safeFileName } from '@/lib/files';
import { importResponses, type WorkshopData } from '@/storage/repositories/workshops-repo';
import { SyncResponsesNote } from './sync-responses-note';

type FileReport =
  | {
      file: string;
      kind: 'outcome';
      outcome: ImportOutcome | 'not-saved';
      response: ResponseFile;
      outOfScope: number;
    }
  | { file: string; kind: 'problem'; problem: ResponseProblem };

/**
 * Own devices: hand out the invitation file or the join code, then import every response file in
 * one go (picker or drag and drop). Each file gets its own line saying what happened; a refused
 * file changes nothing, and the accepted ones are stored in one transaction.
 */
export function OwnDevicesPanel({ data, framework }: { data: WorkshopData; framework: Framework }) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [reports, setReports] = useState<FileReport[] | null>(null);
  const [busy, setBusy] = useState(false);
  const workshop = data.workshop;
  const code = makeJoinCode({
    workshopId: workshop.id,
    frameworkCriterionIds: allCriteria(framework).map((c) => c.id),
    criterionIds: workshop.criterionIds,
    label: workshop.codeLabel,
  });

  const downloadInvitation = (): void => {
    const invitation = makeInvitation({
      ...workshop,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
    });
    downloadFile(
      `${JSON.stringify(invitation, null, 2)}\n`,
      safeFileName([t('own.invitationFilePrefix'), workshop.title, workshop.date], 'json'),
      'application/json',
    );
  };

  const importFiles = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return;
    setBusy(true);
    const identity = {
      id: workshop.id,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      criterionIds: new Set(workshop.criterionIds),
      frameworkCriterionIds: new Set(allCriteria(framework).map((c) => c.id)),
    };
    const read = await Promise.all(
      files.map(async (file) => {
        // Checked before reading, so a huge file is never loaded into memory.
        if (file.size > MAX_RESPONSE_BYTES)
          return {
            file: file.name,
            result: { ok: false as const, problem: { code: 'too-large' as const } },
          };
        return { file: file.name, result: readResponse(await file.text(), identity) };
      }),
    );
    const accepted = read.flatMap((r) =>
      r.result.ok
        ? [{ file: r.file, response: r.result.value, outOfScope: r.result.outOfScope }]
        : [],
    );
    let outcomes: (ImportOutcome | 'not-saved')[];
    try {
      outcomes =
        accepted.length > 0
          ? await importResponses(
              workshop.id,
              accepted.map((a) => a.response),
            )
          : [];
    } catch {
      outcomes = accepted.map(() => 'not-saved');
    }
    let next = 0;
    setReports(
      read.map((r): FileReport => {
        if (!r.result.ok) return { file: r.file, kind: 'problem', problem: r.result.problem };
        const index = next++;
        return {
          file: r.file,
          kind: 'outcome',
          outcome: outcomes[index]!,
          response: accepted[index]!.response,
          outOfScope: accepted[index]!.outOfScope,
        };
      }),
    );
    setBusy(false);
  };

  const describe = (report: FileReport): string => {
    if (report.kind === 'problem') {
      const { problem } = report;
      return t(`own.problem.${problem.code}`, {
        file: report.file,
        ...problem,
        title: workshop.title,
      });
    }
    const person = report.response.participant.label;
    const outcome = t(`own.outcome.${report.outcome}`, {
      file: report.file,
      name: workshop.isAnonymous ? t('own.aParticipant') : person,
      count: report.response.ratings.filter((r) => r.level !== null).length,
    });
    // A round 2 file's votes are the re-vote's (issue 12).
    const text = report.response.round === 2 ? `${outcome} ${t('rounds.fileIsRound2')}` : outcome;
    return report.outOfScope > 0
      ? `${text} ${t('own.outOfScope', { count: report.outOfScope })}`
      : text;
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('own.heading')}</h2>
      <p>{t('own.intro')}</p>
      <ol className="steps">
        <li>
          {t('own.step1')}{' '}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={downloadInvitation}
          >
            {t('own.downloadInvitation')}
          </button>
          <p>
            {t('own.codeIntro')}{' '}
            <strong className="join-code" data-testid="join-code">
              {code}
            </strong>
          </p>
          {workshop.codeLabel && (
            <p className="nhsuk-hint">{t('own.codeLabel', { label: workshop.codeLabel })}</p>
          )}
        </li>
        <li>{t('own.step2')}</li>
        <li>
          {t('own.step3')}
          <SyncResponsesNote />
          <FileDropZone
            id={`${id}-files`}
            label={t('own.chooseFiles')}
            hint={t('own.chooseFilesHint')}
            disabled={busy}
            onFiles={(files) => void importFiles(files)}
          />
        </li>
      </ol>
      <div role="status" aria-live="polite">
        {busy && <p>{t('own.importing')}</p>}
        {reports && !busy && (
          <>
            <p>
              {t('own.summary', {
                count: reports.length,
                accepted: reports.filter(
                  (r) =>
                    r.kind === 'outcome' &&
                    (r.outcome === 'added' || r.outcome === 'replaced-older'),
                ).length,
              })}
            </p>
            <ul className="import-report">
              {reports.map((report, index) => (
                <li
                  key={`${report.file}-${index}`}
                  className={
                    report.kind === 'problem' ||
                    report.outcome === 'not-saved' ||
                    report.outcome === 'id-taken'
                      ? 'import-report__problem'
                      : undefined
                  }
                >
                  {describe(report)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
