import type { ContentStore } from '../content/contentStore';
import { Case, JOURNEY_STEPS } from '../domain/case';
import { shownStepStatus } from '../domain/caseStory';

/** "1. Gather information — done ✓", one line per journey step, for the menu and the case card. */
export function progressLines(content: ContentStore, active: Case): string[] {
  return JOURNEY_STEPS.map((step, i) =>
    content.text('menu.progressLine', {
      number: i + 1,
      step: content.text(`menu.stepName.${step}`),
      status: content.text(`menu.status.${shownStepStatus(active, step)}`),
    }),
  );
}
