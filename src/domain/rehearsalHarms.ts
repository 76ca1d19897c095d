/**
 * What can hurt her on a real call: agreeing to a medical credit card or financing, to pay more than she can,
 * to pay before the agreement is in writing, or giving card or bank details before an agreement. Patterns run
 * on the same normalized text as the moves (lower case, no apostrophes, each amount replaced by `¤`).
 */
export const HARMS = ['agreesToCard', 'agreesUnaffordable', 'paysBeforeWriting', 'givesCardDetails'] as const;
export type Harm = (typeof HARMS)[number];

/** A "no" in the same sentence before the words: "I won't put it on a card", "no, I'd rather not use a card". */
export const REFUSED = /\b(?:no|not|never|wont|cant|cannot|dont|didnt|wouldnt|couldnt|rather not|prefer not|refuse|instead of)\b/;
const CARD = String.raw`(?:credit card|financing card|debit card|card|visa|mastercard|amex|discover|care ?credit|financing|finance it)`;

export const CARD_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:put|putting|charge|charging|use|using|sign (?:me )?up for|signing up for|apply for|go with|do it on|on|open|opening)\b[^.!?;]{0,30}?\b${CARD}s?\b`),
  /\bcare ?credit\b/,
  /\b(?:financing|credit) (?:card|plan|option) (?:sounds|is|seems|would be) (?:fine|good|great|easier|ok|okay|best)\b/,
];

/** Card or bank details given, or offered, before any agreement. */
export const DETAILS_PATTERNS: readonly RegExp[] = [
  /\b(?:my |the )?(?:card|credit card|debit card|visa|mastercard|bank|routing|checking)(?: card)?(?: account)?(?: number)? is\b/,
  /\b(?:do you (?:want|need)|can i give you|let me give you|here is|heres|ill give you|i can give you) my (?:card|credit card|debit card|visa|bank|routing|account and routing|checking)\b/,
  /\bdo you take (?:debit|credit|visa|cards?)\b/,
];
/** A card or bank number, on the text as typed: 13 to 19 digits, or a 9-digit routing number after "routing". */
export const RAW_DETAILS: readonly RegExp[] = [/(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)/, /\brouting\D{0,12}\d{9}\b/i];

/** Paying (or saying she will) now, before a written agreement. */
export const PAY_NOW_PATTERNS: readonly RegExp[] = [
  /\b(?:ill|i will|let me|i want to|i wanted to|can i|fine ill|ok ill|i guess ill|i was going to)(?: just| go ahead and| quickly)? (?:pay|send|make a payment|give you)\b[^.!?;]{0,40}\b(?:now|today|right now|over the phone|just in case)\b/,
  /\bgo ahead and (?:take|charge|run|process|put)\b|\btake the payment\b|\bjust take it\b|\brun my card\b|\bcharge (?:it )?(?:to )?my card\b/,
  /\blet me (?:just )?(?:pay|get my card|grab my card)\b|\bpay something (?:today|now)\b|\bill (?:just )?pay (?:the hospital |them |you )?(?:today|now|right now)\b/,
  /\bcan i give you my (?:card|credit card|debit card)\b/,
];
/** "…once I have it in writing": paying after a written agreement is the plan, not a harm. */
export const AFTER_WRITING = /\b(?:once|after|when|as soon as|until|before|only if|if you)\b[^.!?]{0,40}\b(?:in writing|written|letter|agreement|confirmation)\b/;

/** Agreeing to the whole balance without naming it: "whatever it is I'll pay it", "I'll just pay the balance". */
export const FULL_BALANCE = /\b(?:ill|i will|i guess ill|let me|fine ill|ok ill|whatever it is ill|i should|i guess i will|(?:im|i am)(?: just)? going to)(?: just| go ahead and)* (?:pay|send)(?: (?:the hospital|them|you))? (?:it(?! (?:once|when|after|if|in writing))|the (?:full |whole |entire )?(?:balance|amount|bill|thing)|all of it|in full|the whole thing)\b/;

/** The words just before an amount that make it hers to pay: "I can do ¤", "ok ¤", "put me down for ¤". */
export const AGREE_BEFORE = /(?:\b(?:i|we) (?:can|could|will|would|should|might)|\bill|\bid|\blet me|\bcan i|\bcould we|\bcan we|\bhow about|\bwhat about|\bput me down for|\bgo with|\bok|\bokay|\bfine|\bsure|\byes|\byeah|\bi guess|\bmaybe|\bprobably|\blike|\bpay|\bpaying|\bsend|\bput|\bdo|\boffer|\btake|\bsettle for|\baccept)\b/g;
/** The words just before an amount that make it a figure she quotes: "my EOB says ¤", "I make ¤ a month". */
export const CITE_BEFORE = /\b(?:eob|eobs|benefits|insurance|insurer|responsibility|says|said|shows|showing|showed|billed|billing|balance|statement|charged|charges|charge|costs?|make|makes|earn|earns|rent|income|paycheck|owe|wants|wanted|fair price|medicare|price|is for|part|share|confirming|confirm)\b/g;
export const NEGATED_BEFORE = /\b(?:cant|cannot|couldnt|wont|not|no way|never|dont|unable to|isnt|instead of)\b(?: [a-z]+){0,4} $/;
export const NEGATED_AFTER = /^[^.!?;,]*?\b(?:too much|too high|too steep|more than i can|way more|isnt right|is not right|is ridiculous|is crazy|not possible|doesnt work|wont work|is insane|not happening|i dont have)\b/;
/** After an amount: "¤ a month", "¤ monthly". */
/** After an amount: paid once. */
export const LUMP_AFTER = /\b(?:total|once|one time|lump|settle|settles|settlement|in full|today|now|upfront|up front|down|in one payment)\b/;
export const MONTHLY_AFTER = /^ ?(?:a|per|each|every|\/) ?(?:month|mo)\b|^ ?monthly\b/;
/** A bare amount is hers when hedged or settled ("like ¤ maybe", "¤ total"), not when echoed back ("¤ a month?"). */
export const SETTLE_AFTER = /^ ?(?:a month|per month|monthly)?,? ?(?:is (?:fine|ok|okay|good)|works|total|to settle|as (?:a|the) (?:one time|lump|payment|settlement)|as payment|in one payment|once|upfront|up front|down|i guess|then|maybe|is (?:all|what|the most) i (?:can|could) (?:do|pay|afford|manage)|is my (?:offer|max|limit))\b/;
