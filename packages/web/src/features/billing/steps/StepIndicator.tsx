import { useTranslation } from '../../../lib/useTranslation';
import type { StepId } from '../wizard-steps';

interface StepIndicatorProps {
  steps: readonly StepId[];
  current: StepId;
}

/** Where the person is in the wizard: numbered steps, the current one marked (aria-current). */
export function StepIndicator({ steps, current }: StepIndicatorProps) {
  const { t } = useTranslation('billing');
  const index = steps.indexOf(current);
  return (
    <ol className="wizard-progress" aria-label={t('billing.wizard.progress')}>
      {steps.map((step, position) => {
        const state = position < index ? 'done' : position === index ? 'current' : 'upcoming';
        return (
          <li
            key={step}
            className={`wizard-progress-step is-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="wizard-progress-number" aria-hidden="true">
              {state === 'done' ? '✓' : position + 1}
            </span>
            <span className="wizard-progress-label">{t(`billing.steps.${step}`)}</span>
            {state === 'done' && (
              <span className="visually-hidden"> ({t('billing.wizard.stepDone')})</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
