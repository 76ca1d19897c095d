import type { ContentStore } from '../content/contentStore';
import type { RehearsalScore } from '../domain/rehearsal';
import type { Sheet } from './sheet';

/** The report card after a rehearsal: score, moves made and missed, two things to practise. */
export function rehearsalReport(content: ContentStore, scenarioTitle: string, score: RehearsalScore, opening: string): Sheet {
  const none = content.text('rehearsal.report.none');
  const praise = (m: string) => content.text(`rehearsal.praise.${m}`);
  const tip = (m: string) => content.text(`rehearsal.tips.${m}`, { opening });
  const others = score.missed.filter((m) => !score.practise.includes(m));
  return {
    title: content.text('rehearsal.report.title', { scenario: scenarioTitle }),
    sections: [
      { title: '', lines: [content.text('rehearsal.report.score', { score: score.score })] },
      { title: content.text('rehearsal.report.made'), lines: score.made.length ? score.made.map(praise) : [none] },
      { title: content.text(score.practise.length === 1 ? 'rehearsal.report.practiceOne' : 'rehearsal.report.practice'), lines: score.practise.length ? score.practise.map(tip) : [none], numbered: true },
      ...(others.length ? [{ title: content.text('rehearsal.report.missed'), lines: others.map(tip) }] : []),
    ],
    closing: [content.text(score.calm ? 'rehearsal.report.calm' : 'rehearsal.report.notCalm')],
  };
}
