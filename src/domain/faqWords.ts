/**
 * The FAQ's words: what is left out of the index (stop words), how text is cut into words, the shared forms of
 * irregular words, misspellings and synonyms, and the endings taken off. Pure; used by faq.ts.
 */

/**
 * Words that say nothing about which answer fits (function words and chat filler, written without the apostrophe,
 * which the tokenizer drops): left out of the index and of queries, so "they said i have to…" can't outweigh the
 * one word that matters. Tuned with test/domain/faqSearch.test.ts.
 */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'im', 'ive', 'id', 'do', 'does', 'did', 'done', 'doing',
  'have', 'has', 'had', 'will', 'would', 'could', 'can', 'should', 'shall', 'may', 'might', 'must',
  'i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'youre', 'we', 'us', 'our', 'they', 'them', 'their', 'theyre', 'theyll', 'theyd',
  'he', 'him', 'his', 'she', 'her', 'hers', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'theres', 'here', 'thats',
  'to', 'of', 'for', 'and', 'or', 'but', 'in', 'on', 'at', 'by', 'from', 'as', 'so', 'if', 'than', 'then', 'too', 'very', 'into', 'about', 'with', 'up',
  'what', 'whats', 'which', 'who', 'whom', 'how', 'hows', 'when', 'where', 'why', 'whether',
  'not', 'dont', 'doesnt', 'didnt', 'cant', 'cannot', 'couldnt', 'wont', 'wouldnt', 'isnt', 'arent', 'wasnt', 'havent', 'hasnt', 'shouldnt',
  'get', 'got', 'getting', 'just', 'really', 'literally', 'actually', 'exactly', 'even', 'still', 'also', 'any', 'some', 'all', 'every', 'anything', 'something',
  'say', 'says', 'said', 'tell', 'told', 'telling', 'know', 'want', 'wants', 'need', 'needs', 'mean', 'means', 'like', 'thing', 'things', 'way',
  'saying', 'keep', 'keeps', 'make', 'put', 'explain', 'explained', 'meaning', 'lets', 'let', 'go', 'going', 'gonna', 'one', 'wat', 'wut', 'much', 'many', 'best',
  'please', 'pls', 'plz', 'u', 'ur', 'ppl', 'hi', 'hello', 'hey', 'thanks', 'thank', 'ok', 'okay', 'um', 'uh', 'yeah', 'lol', 'good', 'now',
  // Interjections before a question typed mid-step ("wait, what is an EOB?", "sorry, quick question…").
  'wait', 'sorry', 'oh', 'hmm', 'ah', 'well', 'btw', 'quick', 'question',
  // In nearly every question, so they only add noise: "what is a hospital bill" must not pick "nonprofit hospital".
  'hospital', 'medical',
]);

/**
 * "can't" and "what's" stay one word (then a stop word), not "can" + "t"; a hyphenated word is indexed both joined
 * and in parts, so "co-pay" finds "copay" and "non-profit" finds "nonprofit".
 */
export function tokenize(text: string): string[] {
  return text
    .replace(/['’]/g, '')
    .split(/[\n\r\p{Z}]+/u)
    .flatMap((word) => {
      const parts = word.split(/[\p{P}\p{S}]+/u).filter(Boolean);
      return parts.length > 1 && /^[\p{P}\p{S}]*[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+[\p{P}\p{S}]*$/u.test(word) ? [parts.join(''), ...parts] : parts;
    });
}

/**
 * General vocabulary of medical bills, so a question finds its answer in the words people use rather than the
 * words an entry happens to use: each word maps to one shared form, in the index and in the question alike.
 * Irregular forms and common misspellings first ("paid" → "pay", "deductable" → "deductible"), then words that
 * name the same thing ("charity" and "aid" → "assistance", "collector" and "agency" → "collection"). Only general
 * vocabulary belongs here, never the wording of one question. Tuned with the training splits of
 * test/fixtures/faq-phrasings*.yaml.
 */
const VOCABULARY: Readonly<Record<string, string>> = {
  // irregular forms
  paid: 'pay', owed: 'owe', owing: 'owe', sold: 'sell', bought: 'buy', sent: 'send', gave: 'give', given: 'give',
  took: 'take', taken: 'take', heard: 'hear', went: 'go', came: 'come', spoke: 'talk', spoken: 'talk', fell: 'fall',
  // misspellings stressed people type
  deductable: 'deductible', deductibel: 'deductible', coinsurence: 'coinsurance', insurence: 'insurance', insurace: 'insurance',
  ambulence: 'ambulance', itemised: 'itemized', itemize: 'itemized', recieve: 'receive', recieved: 'receive', bil: 'bill',
  collectons: 'collection', payed: 'pay', finacial: 'financial', assistence: 'assistance', estamate: 'estimate', suprise: 'surprise',
  // one thing, many words
  charity: 'assistance', aid: 'assistance', assist: 'assistance', fap: 'assistance',
  collector: 'collection', collecting: 'collection', collect: 'collection', agency: 'collection',
  denied: 'deny', denial: 'deny', reject: 'deny', rejected: 'deny', rejection: 'deny', declined: 'deny',
  lawsuit: 'sue', sued: 'sue', suing: 'sue', court: 'sue', summon: 'sue', summons: 'sue',
  garnishment: 'garnish', garnished: 'garnish', wage: 'garnish', paycheck: 'garnish',
  erase: 'delete', wipe: 'delete', forget: 'delete', save: 'store', saved: 'store', stored: 'store',
  robot: 'bot', chatbot: 'bot', ai: 'bot', human: 'bot', computer: 'bot',
  installment: 'monthly', installments: 'monthly',
  estimated: 'estimate', quote: 'estimate', quoted: 'estimate', gfe: 'estimate',
  anxious: 'nervous', anxiety: 'nervous', scared: 'nervous', terrified: 'nervous', afraid: 'nervous', nerve: 'nervous',
  jot: 'note', notes: 'note',
  manager: 'supervisor', boss: 'supervisor',
  complain: 'complaint',
  unemployed: 'broke', jobless: 'broke',
  reimburse: 'refund', reimbursed: 'refund', reimbursement: 'refund',
  settlement: 'settle', settled: 'settle',
  er: 'emergency',
  doc: 'doctor', physician: 'doctor', surgeon: 'doctor', anesthesiologist: 'anesthesia', radiologist: 'radiology',
  xray: 'test', lab: 'test', scan: 'test',
  insurer: 'insurance', insured: 'insurance',
  pricing: 'price', priced: 'price', cost: 'price', costs: 'price',
  overcharge: 'overcharged', ripped: 'overcharged',
  mistake: 'error', mistakes: 'error', wrong: 'error',
  chart: 'record',
  pause: 'hold', freeze: 'hold',
  financing: 'finance', loan: 'finance',
  eligible: 'qualify', qualified: 'qualify',
  fpl: 'poverty', fpg: 'poverty',
};

/** Verb and plural endings off ("charges", "charged", "charging" → "charg"; "applied", "applies" → "apply"), so forms of a word meet. */
function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/ies$|ied$/.test(word)) return `${word.slice(0, -3)}y`;
  const bare = word.replace(/(ing|ed|es|s)$/, '');
  const stemmed = bare.length >= 3 ? bare : word;
  // "stopped" → "stop", "billing" → "bill" stays; "charge" and "charg(ed)" meet on "charg".
  return stemmed.replace(/([bdgmnprt])\1$/, '$1').replace(/e$/, '');
}

/** A word as indexed and searched: lower case, in its shared form, without its endings; or null for a stop word. */
export function indexTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (!t || STOP_WORDS.has(t)) return null;
  const known = VOCABULARY[t];
  if (known) return stem(known);
  const singular = t.length > 3 && t.endsWith('s') && !/(ss|us|is)$/.test(t) ? t.slice(0, -1) : t;
  if (STOP_WORDS.has(singular)) return null;
  const knownSingular = VOCABULARY[singular];
  return stem(knownSingular ?? t);
}
