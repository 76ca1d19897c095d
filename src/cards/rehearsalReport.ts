import type { ContentStore } from '../content/contentStore';
import type { RehearsalScore } from '../domain/rehearsal';
import { praiseKey, tipKey, tipNumbers } from './rehearsalTips';
import type { Sheet } from './sheet';

/** The report card after a rehearsal: score, moves made and missed, two things to practise. */
export function rehearsalReport(content: ContentStore, scenarioTitle: string, score: RehearsalScore, vars: Record<string, string>): Sheet {
  const numbers = tipNumbers(vars);
  const praise = (m: string) => content.text(`rehearsal.praise.${praiseKey(m, vars)}`);
  const tip = (m: string) => content.text(`rehearsal.tips.${tipKey(m, vars)}`, numbers);
  const others = score.missed.filter((m) => !score.practise.includes(m));
  // Nothing to practise is said in a sentence, never as an empty numbered item.
  const practise = score.practise.length
    ? { title: content.text(score.practise.length === 1 ? 'rehearsal.report.practiceOne' : 'rehearsal.report.practice'), lines: score.practise.map(tip), numbered: true }
    : { title: '', lines: [content.text('rehearsal.report.nothingToPractise')] };
  return {
    title: content.text('rehearsal.report.title', { scenario: scenarioTitle }),
    sections: [
      { title: '', lines: [content.text('rehearsal.report.score', { score: score.score })] },
      ...(score.harms.length ? [{ title: content.text('rehearsal.report.risky'), lines: score.harms.map((h) => content.text(`rehearsal.warnings.${h}`, numbers)) }] : []),
      { title: content.text('rehearsal.report.made'), lines: score.made.length ? score.made.map(praise) : [content.text('rehearsal.report.madeNone')] },
      practise,
      ...(others.length ? [{ title: content.text('rehearsal.report.missed'), lines: others.map(tip) }] : []),
    ],
    closing: [content.text(score.calm ? 'rehearsal.report.calm' : 'rehearsal.report.notCalm')],
  };
}
