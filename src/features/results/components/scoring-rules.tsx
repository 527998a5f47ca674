import { useTranslation } from 'react-i18next';

const RULES = [
  'notAssessed',
  'characteristic',
  'coverage',
  'overall',
  'mature',
  'provisional',
  'evidence',
] as const;

/** "How the scores are worked out": the rules in one sentence each, as a board paper would state them. */
export function ScoringRules() {
  const { t } = useTranslation('results');
  return (
    <details className="card scoring-rules">
      <summary>{t('rules.heading')}</summary>
      <ol>
        {RULES.map((rule) => (
          <li key={rule}>{t(`rules.${rule}`)}</li>
        ))}
      </ol>
      <p>{t('rules.example')}</p>
    </details>
  );
}
