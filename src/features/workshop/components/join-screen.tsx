import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@/components/error-summary';
import { FieldError } from '@/components/field-error';
import { JsonFileField } from '@/components/form-field';
import { CURRENT_FRAMEWORK } from '@/config/frameworks';
import { routes } from '@/config/routes';
import { allCriteria } from '@/domain/framework/lookups';
import {
  MAX_INVITATION_BYTES,
  readInvitation,
  type InvitationProblem,
} from '@/domain/workshop/invitation';
import { readJoinCode, type JoinCodeProblem } from '@/domain/workshop/join-code';
import { codeName } from '../lib/code-name';
import { round2CodeOf } from '@/domain/workshop/rounds';
import { useFocusAfter } from '@/hooks/use-focus-after';
import { usePageTitle } from '@/hooks/use-page-title';
import { pageHeading } from '@/lib/focus';
import { formatIsoDate } from '@/lib/format';
import { loadFramework } from '@/lib/load-framework';
import { Link, navigate } from '@/lib/router';
import {
  joinWorkshop,
  listJoinedWorkshops,
  type JoinInput,
} from '@/storage/repositories/joined-workshops-repo';
import { reportingWrite } from '@/storage/write-report';
import { ParticipantForm } from './participant-form';

type Pending = Omit<JoinInput, 'participant'> & { isAnonymous: boolean };
type Problem = InvitationProblem | { code: 'no-framework'; version: string };
/** A code refused on the form: mistyped, or a round 2 code (issue 12), which joins nothing. */
type CodeProblem = JoinCodeProblem | { code: 'round-2-code'; workshopId: string };

/**
 * A participant's own device: join with the invitation file or by typing the short code, say who
 * you are, then rate (joined-workshop-screen). Works with no network at all.
 */
export function JoinScreen() {
  const { t } = useTranslation('workshop');
  const id = useId();
  const joined = useLiveQuery(() => listJoinedWorkshops(), []);
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<{ file?: string; problem: Problem } | null>(null);
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<CodeProblem | null>(null);
  const focusAfter = useFocusAfter();
  // "Who is rating?" is a step of its own: its title, and focus on its heading (and back).
  const showPending = (next: Pending | null): void => {
    setPending(next);
    focusAfter(() => pageHeading());
  };
  usePageTitle([pending ? t('pageTitle.who') : t('join.heading')]);

  const accept = async (
    source: Omit<Pending, 'criterionIds'> & { criterionIds: readonly string[] | null },
    file?: string,
  ): Promise<void> => {
    try {
      const framework = await loadFramework(source.frameworkId, source.frameworkVersion);
      const known = allCriteria(framework).map((c) => c.id);
      const wanted = source.criterionIds ?? known;
      if (wanted.some((c) => !known.includes(c))) {
        setProblem({
          file,
          problem: { code: 'invalid', path: 'criterionIds', detail: 'unknown criterion' },
        });
        return;
      }
      setProblem(null);
      showPending({ ...source, criterionIds: known.filter((c) => wanted.includes(c)) });
    } catch {
      setProblem({
        file,
        problem: {
          code: 'no-framework',
          version: `${source.frameworkId}@${source.frameworkVersion}`,
        },
      });
    }
  };

  const fromFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    if (file.size > MAX_INVITATION_BYTES) {
      setProblem({ file: file.name, problem: { code: 'too-large' } });
      return;
    }
    const read = readInvitation(await file.text());
    if (!read.ok) {
      setProblem({ file: file.name, problem: read.problem });
      return;
    }
    const { workshop, framework, criterionIds } = read.value;
    await accept(
      {
        workshopId: workshop.id,
        joinedBy: 'invitation',
        title: workshop.title,
        date: workshop.date,
        facilitator: workshop.facilitator,
        isAnonymous: workshop.isAnonymous,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        criterionIds,
      },
      file.name,
    );
  };

  const fromCode = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    // A code is for the framework this app has: the scope is read against its criteria.
    let frameworkCriterionIds: string[];
    try {
      const framework = await loadFramework(CURRENT_FRAMEWORK.id, CURRENT_FRAMEWORK.version);
      frameworkCriterionIds = allCriteria(framework).map((c) => c.id);
    } catch {
      setProblem({
        problem: {
          code: 'no-framework',
          version: `${CURRENT_FRAMEWORK.id}@${CURRENT_FRAMEWORK.version}`,
        },
      });
      return;
    }
    const read = readJoinCode(code, frameworkCriterionIds);
    // A round 2 code (marked R2, or one made before the mark, which has the join code's form)
    // would join a workshop that is not there: if it is one joined here, say which.
    const round2Key = read.ok
      ? read.value.workshopId
      : read.problem.code === 'round-2'
        ? read.problem.key
        : null;
    const round2Of =
      round2Key === null
        ? null
        : round2CodeOf(
            round2Key,
            (joined ?? (await listJoinedWorkshops())).map((w) => w.workshopId),
          );
    const refuse = (codeProblem: CodeProblem): void => {
      setProblem(null);
      setCodeProblem(codeProblem);
      document.getElementById(`${id}-code`)?.focus();
    };
    if (round2Of !== null) return refuse({ code: 'round-2-code', workshopId: round2Of });
    if (!read.ok) return refuse(read.problem);
    setCodeProblem(null);
    await accept({
      workshopId: read.value.workshopId,
      joinedBy: 'code',
      title: '',
      date: '',
      facilitator: '',
      isAnonymous: false,
      frameworkId: CURRENT_FRAMEWORK.id,
      frameworkVersion: CURRENT_FRAMEWORK.version,
      criterionIds: read.value.criterionIds,
      ...(read.value.label === undefined ? {} : { label: read.value.label }),
    });
  };
  const codeMessage = codeProblem
    ? t(`join.codeProblem.${codeProblem.code}`, { ...codeProblem })
    : null;

  if (pending) return <WhoAreYou pending={pending} onBack={() => showPending(null)} />;

  return (
    <>
      <h1 tabIndex={-1}>{t('join.heading')}</h1>
      <p className="nhsuk-body-l">{t('join.intro')}</p>
      {problem && (
        <div role="alert" className="banner banner--error">
          <p>
            {problem.file
              ? t('join.problemInFile', {
                  file: problem.file,
                  reason: t(`join.problem.${problem.problem.code}`, { ...problem.problem }),
                })
              : t(`join.problem.${problem.problem.code}`, { ...problem.problem })}
          </p>
        </div>
      )}
      <section className="card" aria-labelledby={`${id}-file-heading`}>
        <h2 id={`${id}-file-heading`}>{t('join.withFile')}</h2>
        <JsonFileField
          id={`${id}-file`}
          label={t('join.chooseFile')}
          onFiles={(files) => void fromFile(files[0])}
        />
      </section>
      <section className="card" aria-labelledby={`${id}-code-heading`}>
        <h2 id={`${id}-code-heading`}>{t('join.withCode')}</h2>
        <form onSubmit={(e) => void fromCode(e)} noValidate>
          {codeMessage && (
            <ErrorSummary
              items={[
                {
                  fieldId: `${id}-code`,
                  label: t('join.code'),
                  problem: null,
                  message: codeMessage,
                },
              ]}
            />
          )}
          <div className={`nhsuk-form-group${codeMessage ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={`${id}-code`}>
              {t('join.code')}
            </label>
            <p className="nhsuk-hint" id={`${id}-code-hint`}>
              {t('join.codeHint')}
            </p>
            <FieldError id={`${id}-code-error`} problem={null} message={codeMessage} />
            <input
              id={`${id}-code`}
              className={`nhsuk-input input--code${codeMessage ? ' nhsuk-input--error' : ''}`}
              value={code}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby={`${id}-code-hint${codeMessage ? ` ${id}-code-error` : ''}`}
              aria-invalid={codeMessage ? true : undefined}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          {codeProblem?.code === 'round-2-code' && (
            <p>
              <Link href={routes.joined.href(codeProblem.workshopId)}>{t('join.openJoined')}</Link>
            </p>
          )}
          <button type="submit" className="nhsuk-button">
            {t('join.useCode')}
          </button>
        </form>
      </section>
      {joined && joined.length > 0 && (
        <section className="card" aria-labelledby={`${id}-joined-heading`}>
          <h2 id={`${id}-joined-heading`}>{t('join.joinedHeading')}</h2>
          <ul className="assessment-list">
            {joined.map((w) => (
              <li key={w.workshopId}>
                <Link href={routes.joined.href(w.workshopId)}>
                  {w.title
                    ? t('join.joinedItem', { title: w.title, date: formatIsoDate(w.date) })
                    : t('join.joinedByCode', { code: codeName(t, w) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function WhoAreYou({ pending, onBack }: { pending: Pending; onBack: () => void }) {
  const { t } = useTranslation('workshop');
  const { isAnonymous, ...record } = pending;
  return (
    <>
      <h1 tabIndex={-1}>{t('join.whoHeading')}</h1>
      <p className="nhsuk-body-l">
        {pending.title
          ? t('join.workshopFromFile', {
              title: pending.title,
              date: formatIsoDate(pending.date),
              facilitator: pending.facilitator,
            })
          : t('join.workshopFromCode', {
              code: codeName(t, pending),
              count: pending.criterionIds.length,
            })}
      </p>
      {isAnonymous && <p>{t('join.anonymous')}</p>}
      <ParticipantForm
        className="card"
        isSelf
        submitLabel={t('join.start')}
        onSubmit={async (participant) => {
          navigate(
            routes.joined.href(await reportingWrite(joinWorkshop({ ...record, participant }))),
          );
        }}
      >
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onBack}>
          {t('handover.cancel')}
        </button>
      </ParticipantForm>
    </>
  );
}
