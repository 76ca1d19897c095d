import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';
import { dollarsToCents, type Cents } from './money';
import { HARMS, type Harm } from './rehearsalHarms';
import { MOVES, type Move } from './rehearsalMoves';
import {
  ACCOUNT_IDS, ACRONYMS, AGE_BEFORE, AMOUNT_TOKEN, HOSTILE_PATTERNS, ID_BEFORE, IDENTIFIES, MONEY_AFTER, MONEY_BEFORE, MOVE_PATTERNS,
  NOT_MONEY_AFTER, NOT_MONEY_SPANS, SPELLING, YEAR_BEFORE,
} from './rehearsalPatterns';

export { MOVES, type Move } from './rehearsalMoves';

export interface Recognized {
  /** In MOVES order, no duplicates. */
  moves: Move[];
  /** Every money amount, in the order said, as integer cents. */
  amountsCents: Cents[];
  /** Insults, threats, swearing or shouting: the coach will suggest staying calm. */
  hostile: boolean;
  /** Nothing to recognize: no letter or digit at all. */
  empty: boolean;
}

/** The most useful moves to practise first. */
export const PRACTISE_PRIORITY: readonly Move[] = [
  'asksInWriting', 'makesOffer', 'mentionsAssistance', 'asksNameReference', 'statesAccount',
  'citesEob', 'asksItemized', 'mentionsHardship', 'usesComparable', 'declinesUnaffordable', 'stateTheAsk',
];

interface Amount { start: number; end: number; cents: Cents }
/** A number the recognizer found: where, as written, and its value. */
interface Found { start: number; end: number; text: string; value: number }

const CHUNK = 400;
let numberModel: ReturnType<NumberRecognizer['getNumberModel']> | undefined;

function recognizeNumbers(text: string): Found[] {
  numberModel ??= new NumberRecognizer(Culture.English).getNumberModel();
  const found: Found[] = [];
  // The recognizer is slow on long text, so it reads at most CHUNK characters at a time, cut at a space.
  for (let from = 0; from < text.length;) {
    let to = Math.min(from + CHUNK, text.length);
    const space = text.lastIndexOf(' ', to);
    if (to < text.length && space > from + CHUNK / 2) to = space;
    for (const r of numberModel.parse(text.slice(from, to))) {
      const start = from + r.start;
      const end = from + r.end + 1;
      const resolution: Record<string, unknown> = r.resolution;
      const value = Number(resolution.value);
      if (text.slice(start, end).toLowerCase() === r.text.toLowerCase() && Number.isFinite(value)) {
        found.push({ start, end, text: r.text, value });
      }
    }
    from = to;
  }
  return found;
}

function isMoney(lower: string, n: Found): boolean {
  const before = lower.slice(Math.max(0, n.start - 30), n.start);
  const after = lower.slice(n.end, n.end + 30);
  if (MONEY_BEFORE.test(before) || MONEY_AFTER.test(after)) return true;
  if (!/\d/.test(n.text)) return n.value >= 20 && !NOT_MONEY_AFTER.test(after);
  if (/^\d{6,}$/.test(n.text) || /[a-z]-?$/.test(before)) return false;
  if (ID_BEFORE.test(before) || AGE_BEFORE.test(before) || NOT_MONEY_AFTER.test(after)) return false;
  return !(/^(?:19|20)\d\d$/.test(n.text) && YEAR_BEFORE.test(before));
}

/** Money amounts with their place in the text (the "$" before and "dollars" after included). */
function findAmounts(text: string): Amount[] {
  // Same length as the text: one space for every character the (English) recognizer need not see.
  let plain = text.replace(/[\u2018\u2019]/g, "'").replace(/[^\x20-\x7e]/g, ' ');
  for (const span of NOT_MONEY_SPANS) plain = plain.replace(span, (m) => ' '.repeat(m.length));
  const lower = plain.toLowerCase();
  const amounts: Amount[] = [];
  for (const n of recognizeNumbers(plain)) {
    if (!isMoney(lower, n)) continue;
    const result = dollarsToCents(n.value);
    if (!('cents' in result)) continue;
    const lead = MONEY_BEFORE.exec(lower.slice(Math.max(0, n.start - 5), n.start))?.[0].length ?? 0;
    const tail = MONEY_AFTER.exec(lower.slice(n.end, n.end + 10))?.[0].length ?? 0;
    const start = Math.max(n.start - lead, amounts.at(-1)?.end ?? 0);
    amounts.push({ start, end: Math.max(start, n.end + tail), cents: result.cents });
  }
  return amounts;
}

/** Lower case, no apostrophes, chat spellings fixed, every amount replaced by the amount token. */
function normalize(text: string, amounts: readonly Amount[]): string {
  const plain = text.replaceAll(AMOUNT_TOKEN, ' ');
  let marked = '';
  let at = 0;
  for (const a of amounts) {
    marked += `${plain.slice(at, a.start)} ${AMOUNT_TOKEN} `;
    at = a.end;
  }
  marked += plain.slice(at);
  return marked
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4']/g, '')
    .replace(/[a-z]+/g, (word) => SPELLING.get(word) ?? word)
    .replace(/\s+/g, ' ');
}

/** Mostly capitals: at least two words of 3+ letters in capitals (acronyms aside), and more than half of them. */
function isShouting(text: string): boolean {
  const words = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ACRONYMS.has(w));
  const loud = words.filter((w) => w === w.toUpperCase()).length;
  return loud >= 2 && loud * 2 > words.length;
}

/**
 * Which bill it is, said so the representative can find it: an account, member or claim number alone, or a
 * mention of the bill with something that identifies it (a date, the amount, the provider, the care). "I got
 * this bill" is not enough.
 */
function statesAccount(said: string): boolean {
  if (ACCOUNT_IDS.some((p) => p.test(said))) return true;
  return MOVE_PATTERNS.statesAccount.some((p) => p.test(said)) && IDENTIFIES.some((p) => p.test(said));
}

/** One answer read: what the user did, and the normalized text the judge reads further (never stored). */
export function readAnswer(text: string): { recognized: Recognized; said: string } {
  if (!/[\p{L}\p{N}]/u.test(text)) return { recognized: { moves: [], amountsCents: [], hostile: false, empty: true }, said: '' };
  const amounts = findAmounts(text);
  const said = normalize(text, amounts);
  const moves = MOVES.filter((move) => (move === 'statesAccount' ? statesAccount(said) : MOVE_PATTERNS[move].some((pattern) => pattern.test(said))));
  const hostile = isShouting(text) || HOSTILE_PATTERNS.some((pattern) => pattern.test(said));
  return { recognized: { moves, amountsCents: amounts.map((a) => a.cents), hostile, empty: false }, said };
}

/** What the user did in one answer of the role-play. Deterministic, never throws. */
export function recognizeMoves(text: string): Recognized {
  return readAnswer(text).recognized;
}

export type Difficulty = 'standard' | 'tough';
export interface TurnGoal { wants: readonly Move[] }
export type TurnOutcome = 'good' | 'weak';

/**
 * standard: any wanted move (and not hostile) is good; tough: two different wanted moves, or a wanted
 * makesOffer with an amount, and not hostile. An empty answer is weak.
 */
export function evaluateTurn(goal: TurnGoal, r: Recognized, difficulty: Difficulty): TurnOutcome {
  if (r.empty || r.hostile) return 'weak';
  const made = new Set(r.moves.filter((move) => goal.wants.includes(move)));
  if (difficulty === 'standard') return made.size > 0 ? 'good' : 'weak';
  const offer = made.has('makesOffer') && r.amountsCents.length > 0;
  return made.size >= 2 || offer ? 'good' : 'weak';
}

export interface RehearsalScore {
  /** Every move made at least once, in MOVES order. */
  made: Move[];
  /** Key moves never made, in MOVES order. */
  missed: Move[];
  /** No hostile turn. */
  calm: boolean;
  /** 0..100. */
  score: number;
  /** At most 2 missed moves, most useful first (PRACTISE_PRIORITY). */
  practise: Move[];
  /** Every harm in the call (agreeing to a card, to more than she can pay…), in HARMS order. */
  harms: Harm[];
}

export const HOSTILE_TURN_PENALTY = 10;
export const HARMFUL_TURN_PENALTY = 20;

/**
 * score = share of keyMoves made, minus 10 points per hostile turn and 20 per harmful one (floor 0), rounded.
 * No key moves: 100 before penalties.
 */
export function scoreRehearsal(turns: readonly (Recognized & { harms?: readonly Harm[] })[], keyMoves: readonly Move[]): RehearsalScore {
  const madeSet = new Set<Move>(turns.flatMap((t) => t.moves));
  const made = MOVES.filter((move) => madeSet.has(move));
  const missed = MOVES.filter((move) => keyMoves.includes(move) && !madeSet.has(move));
  const keys = MOVES.filter((move) => keyMoves.includes(move));
  const hostileTurns = turns.filter((t) => t.hostile).length;
  const share = keys.length === 0 ? 100 : ((keys.length - missed.length) / keys.length) * 100;
  const harmfulTurns = turns.filter((t) => (t.harms ?? []).length > 0).length;
  const score = Math.round(Math.max(0, share - HOSTILE_TURN_PENALTY * hostileTurns - HARMFUL_TURN_PENALTY * harmfulTurns));
  const practise = PRACTISE_PRIORITY.filter((move) => missed.includes(move)).slice(0, 2);
  const harms = HARMS.filter((h) => turns.some((t) => t.harms?.includes(h)));
  return { made, missed, calm: hostileTurns === 0, score, practise, harms };
}
