import type { ContentStore, SourcedEntry, TextVars } from '../content/contentStore';
import type { Finding } from '../domain/billCheck';
import { formatIsoDate } from '../domain/dates';
import { formatCents } from '../domain/money';

export interface FindingText {
  severity: string;
  title: string;
  meaning: string;
  say: string;
  next?: string;
  deadline?: string;
  sources: string[];
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Figures as the words need them: `differenceCents` → `difference` "$240", percents grouped ("1,993"), dates in words. */
export function findingVars(finding: Finding): TextVars {
  const vars: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(finding.figures)) {
    if (key.endsWith('Cents')) vars[key.slice(0, -'Cents'.length)] = formatCents(value);
    else if (key.endsWith('Percent')) vars[key] = grouped.format(value);
    else vars[key] = value;
  }
  if (finding.deadline) vars.deadline = formatIsoDate(finding.deadline);
  return vars;
}

/** A finding in words, from content/en/findings.yaml, with every source it cites. */
export function findingText(content: ContentStore, finding: Finding): FindingText {
  const vars = findingVars(finding);
  const base = `findings.${finding.code}`;
  const sources = new Set<string>();
  const read = (key: string): string | undefined => {
    if (!content.has(`${base}.${key}`)) return undefined;
    const entry: SourcedEntry = content.sourced(`${base}.${key}`, vars);
    if (entry.source) sources.add(`${entry.source}${entry.year ? ` (${entry.year})` : ''}`);
    return entry.text;
  };
  let deadline: string | undefined;
  let say: string | undefined;
  if (finding.code === 'goodFaithEstimateExceeded') {
    const daysLeft = finding.figures.daysLeft;
    const passed = Boolean(finding.deadline) && daysLeft !== undefined && daysLeft < 0;
    deadline = !finding.deadline ? read('deadlineUnknown') : passed ? read('deadlinePassed') : read('deadline');
    // Past the window, the words to say ask for the correction without promising a dispute she may not be able to start.
    if (passed) say = read('sayPassed');
  }
  return {
    severity: content.text(`findings.severity.${finding.severity}`),
    title: read('title') ?? finding.code,
    meaning: read('meaning') ?? '',
    say: say ?? read('say') ?? '',
    next: read('next'),
    deadline,
    sources: [...sources],
  };
}
