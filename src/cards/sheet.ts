import { AdaptiveCard, CardElement, card, text } from './adaptiveCard';
import type { CallScript } from './callScript';

/** The call plan and script as an Adaptive Card 1.5 the user can keep in the chat. */
export function callScriptCard(script: CallScript): AdaptiveCard {
  const body: CardElement[] = [text(script.title, { weight: 'Bolder', size: 'Medium' })];
  for (const section of script.sections) {
    body.push(text(section.title, { weight: 'Bolder', spacing: 'Medium' }));
    section.lines.forEach((line, i) => body.push(text(section.numbered ? `${i + 1}. ${line}` : `• ${line}`, { spacing: 'Small' })));
  }
  script.closing.forEach((line) => body.push(text(line, { spacing: 'Medium' })));
  return card(body, [], script.title);
}

/** The same plan as a plain-text file (light Markdown) to keep on the phone. */
export function callScriptText(script: CallScript): string {
  const out = [`# ${script.title}`, ''];
  for (const section of script.sections) {
    out.push(`## ${section.title}`, '');
    section.lines.forEach((line, i) => out.push(section.numbered ? `${i + 1}. ${line}` : `- ${line}`));
    out.push('');
  }
  out.push(...script.closing, '');
  return out.join('\n');
}
