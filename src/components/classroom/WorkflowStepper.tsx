// The tuning workflow (source text, section 5.1.1) as a compact stepper over the panels: each step
// takes the student to its panel (scrolled to, focused) and ticks itself from the live state
// (src/page/workflow.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_CONFIG, lossesFor } from '../../shared/config';
import { useStore, type Store } from '../../store/store';
import { nextStep, STEP_TARGETS, WORKFLOW_STEPS, workflowDone, type WorkflowInput, type WorkflowStep } from '../../page/workflow';

/** The live state the steps read, apart from whether the goal step was opened. */
const selectInput = (s: Store): Omit<WorkflowInput, 'goalChosen'> & { goalChanged: boolean } => {
  const c = s.config;
  return {
    goalChanged: c.problem !== DEFAULT_CONFIG.problem || c.dataset !== DEFAULT_CONFIG.dataset || c.loss !== DEFAULT_CONFIG.loss,
    lossFits: lossesFor(c.dataset, s.upload).includes(c.loss),
    dataLoaded: s.points !== null || s.table !== null,
    trainPct: c.trainPct,
    valPct: c.valPct,
    modelBuilt: s.runConfig !== null && s.status !== 'error',
    diverged: s.status === 'diverged' || s.divergedAt !== null,
    epochs: s.metrics.last?.epoch ?? 0,
    keptTrained: s.kept.filter((k) => k.metrics.epochs > 1).length,
    liveEdited: s.liveEdits !== null,
    testEvaluated: s.test !== null || s.kept.some((k) => k.test !== null),
  };
};

/** Scrolls to a step's panel and focuses it (a heading gets a tabindex to take the focus). */
function goTo(step: WorkflowStep): void {
  const el = STEP_TARGETS[step].map((sel) => document.querySelector<HTMLElement>(sel)).find((x) => x !== null);
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !el.matches('button, input, select, textarea, a[href]')) el.tabIndex = -1;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}

export function WorkflowStepper() {
  const { t } = useTranslation('classroom');
  const { goalChanged, ...live } = useStore(useShallow(selectInput));
  const [goalOpened, setGoalOpened] = useState(false);
  const done = workflowDone({ ...live, goalChosen: goalChanged || goalOpened });
  const next = nextStep(done);
  return (
    <nav className="workflow" aria-label={t('workflow.label')} data-testid="workflow-stepper">
      <span className="workflow-title" aria-hidden="true">
        {t('workflow.label')}
      </span>
      <ol>
        {WORKFLOW_STEPS.map((s, i) => (
          <li key={s}>
            <button
              type="button"
              data-testid={`workflow-step-${i + 1}`}
              data-done={done[s]}
              aria-current={next === s ? 'step' : undefined}
              title={t(`workflow.hints.${s}`)}
              onClick={() => {
                if (s === 'goal') setGoalOpened(true);
                goTo(s);
              }}
            >
              <span className="wf-no" aria-hidden="true">
                {done[s] ? '✓' : i + 1}
              </span>
              <span className="wf-name">{t(`workflow.steps.${s}`)}</span>
              <span className="visually-hidden"> ({done[s] ? t('workflow.done') : next === s ? t('workflow.next') : t('workflow.todo')})</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
