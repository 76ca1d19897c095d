import type { Move } from './rehearsalMoves';

/**
 * The words behind rehearsal recognition. Every pattern runs on normalized text: lower case, no
 * apostrophes ("can't" → "cant", "I'll" → "ill"), common chat spellings fixed, and each money amount
 * replaced by the token `¤` (so "I can pay $500" reads "i can pay ¤").
 */
export const AMOUNT_TOKEN = '¤';

/** Chat spellings and common typos, word by word. */
const SPELLING_TABLE: Record<string, string> = {
  u: 'you', ur: 'your', ya: 'you', pls: 'please', plz: 'please', cud: 'could', wud: 'would', coud: 'could',
  wanna: 'want to', gonna: 'going to', recieve: 'receive', recieved: 'received', recive: 'receive',
  acount: 'account', accout: 'account', acct: 'account', accnt: 'account', statment: 'statement',
  aford: 'afford', affort: 'afford', finacial: 'financial', financal: 'financial', finanical: 'financial',
  assistence: 'assistance', assistanse: 'assistance', asistance: 'assistance', writting: 'writing',
  refrence: 'reference', referance: 'reference', reffrence: 'reference', confirmaton: 'confirmation',
  hardhsip: 'hardship', harship: 'hardship', medicar: 'medicare', bil: 'bill', payed: 'paid', cannt: 'cant',
};

export const SPELLING: ReadonlyMap<string, string> = new Map(Object.entries(SPELLING_TABLE));

const NOT_ABLE = String.raw`(?:cant|cannot|can not|couldnt|could not|unable to|not able to|no way i can|dont think i can)`;
const NO_WILL = String.raw`(?:cant|cannot|can not|couldnt|could not|wont|will not|would not|wouldnt|unable to|not able to|dont think i can|dont want to|do not want to|not going to|rather not|prefer not to|im not|i am not|not)`;
const T = AMOUNT_TOKEN;
/** Before "$50 a month", these make it a refusal or history, not an offer. */
const NOT_OFFER = String.raw`${NO_WILL}|too much|too high|paid|been paying|was paying|used to pay|already pay|already paying|currently pay|currently paying`;
const TOO_MUCH = String.raw`(?:way |far |still |just |a bit |a little |much )?(?:more than i can|too (?:much|high|steep|expensive|big)|over my budget|out of my (?:budget|reach|range)|beyond (?:my|what i))`;
/** Wraps an amount phrase so that "$250 a month is too much" or "I can't do $300 a month" is no offer. */
const asOffer = (phrase: string) => new RegExp(String.raw`(?<!\b(?:${NOT_OFFER})\b[^.!?;]{0,30})${phrase}(?![^.!?;]{0,30}${TOO_MUCH})`);

/** Offer verbs that must be followed, in the same sentence, by an amount. */
const OFFER_CUE = String.raw`(?<!\b(?:no way|dont think|do not think|doubt|not sure|dont know if|wish)\s)(?:\b(?:i|we) (?:can|could|would|will|should|might|may|am able to|are able to|am willing to|are willing to)|\b(?:ill|id|im able to|im willing to|were able to|were willing to|well|wed))(?: (?:only|probably|maybe|definitely|realistically|really|just|still|easily|actually|afford to|be able to|manage to|try to|like to|love to|want to)){0,3} (?:pay|do|offer|manage|put down|put|send|give|afford|swing|handle|cover|come up with|settle for|make)\b`;

export const MOVE_PATTERNS: Readonly<Record<Move, readonly RegExp[]>> = {
  statesAccount: [
    /\b(?:about|regarding|concerning|re) (?:my|our|the|this|a|an|his|her|their)(?: [a-z]+){0,3} (?:bill|account|statement|balance|invoice)s?\b/,
    /\b(?:account|patient|guarantor|invoice|statement|claim|bill|billing|visit|encounter|member) ?(?:number|no\b|num\b|#|id\b)/,
    /\baccount (?:ending|that ends) in\b|\b(?:about|regarding|concerning|re) (?:account|invoice|statement|claim)\b/,
    /\b(?:balance|charges?|amount) (?:on|for|of) (?:my|our|the|this)(?: [a-z]+){0,2} account\b/,
    /\b(?:my|our|the|this) (?:[a-z]+ ){0,2}(?:bill|statement|account|invoice) (?:from|for|dated|of)\b/,
    /(?<!\b(?:never|not|didnt|havent|hasnt|havent yet)\s)\b(?:got|received|receive|have) (?:a|the|this|my|an) (?:[a-z]+ ){0,2}(?:bill|statement|invoice)\b/,
    /\bdate of service\b/,
    /\b(?:about|regarding|concerning|re|for) (?:my|our|the|this|a|an) (?:[a-z]+ ){0,3}(?:claim|visit|er visit|surgery)\b/,
  ],
  stateTheAsk: [
    /\b(?:id like|i would like|id love|i would love|i want (?:a|an|the|my|to(?! (?:talk|speak) to (?:someone|somebody|a person))|you to)|i need (?:a|an|the|my|to(?! (?:talk|speak) to (?:someone|somebody|a person))|you to)|i wanted to (?:ask|see|know|request)|im asking|i am asking|im requesting|i am requesting|i request|im hoping (?:you|to|for)|i am hoping|(?:i was|im|i am) wondering if|i wonder if|(?:im|i am) trying to get|(?:im|i am) calling to (?:ask|see|request|get|set))\b/,
    /\b(?:can|could|would|will) you\b/,
    /\b(?:can|could|may) i (?:get|have|ask|request|set|see|speak|talk|apply|send)\b/,
    /\b(?:can|could|would|will) (?:the |my |this )?[a-z]+ be (?:paused|held|put on hold|stopped|reduced|lowered|waived|adjusted|corrected|reviewed)\b|\bis there (?:someone|somebody|anyone|anybody)\b/,
    /\b(?:is it possible|would it be possible|is there (?:any|a) way|can we|could we)\b/,
    /\bplease (?:send|reduce|lower|review|check|give|put|mail|email|tell|confirm|remove|waive|apply|cut|adjust|let|note|consider|hold|pause|stop|set|look)\b/,
  ],
  mentionsHardship: [
    new RegExp(String.raw`\b${NOT_ABLE} (?:really |possibly |even |actually )?afford\b`),
    new RegExp(String.raw`\b${NOT_ABLE} (?:[a-z]+ )?pay\b(?! (?:by|online|over|with|through|via)\b)`),
    /\b(?:lost|lose|losing) (?:my|our|his|her) (?:job|jobs|income|work|insurance|house|home)\b/,
    /\b(?:laid off|let go|got fired|unemploy(?:ed|ment)|out of work|jobless)\b/,
    /\b(?:fewer|less|reduced|cut) (?:work )?hours\b|\bhours (?:were|got|have been|was|have) (?:cut|reduced)\b|\bcut (?:back )?(?:my|our) hours\b/,
    /\b(?:medical|maternity|disability|unpaid|sick) leave\b|\b(?:stop(?:ped)? working|cant work|cannot work|unable to work|(?:work|working|only) part[- ]time)\b/,
    /\b(?:fixed income|social security|ssi|ssdi|disability|disabled|single (?:mom|mother|dad|father|parent))\b/,
    /\b(?:money|moneys|finances|budget|cash|things)(?: is| are|s| have been| has been| been| are getting| got)? (?:[a-z]+ )?tight\b|\btight on (?:money|cash|funds)\b/,
    /\b(?:paycheck to paycheck|make ends meet|between jobs|(?:on|down to) (?:one|a single) (?:income|paycheck)|passed away|widowed|only one working|sole (?:earner|provider)|no savings|low income|behind on (?:my |the )?(?:rent|bills|mortgage|payments)|nothing left(?: over)?)\b/,
    /\bstruggl(?:e|ing|ed) (?:financially|to (?:pay|make|keep|get)|with (?:money|bills|rent))\b/,
    /\b(?:im|i am|we are|were) (?:flat )?broke\b|\bdont have (?:the|that|that kind of|this kind of|enough|much|any) (?:money|cash|funds)\b|\bdont have that (?:much|kind of)\b/,
  ],
  mentionsAssistance: [
    /\bfinancial (?:assistance|aid|help|hardship|counsel+or|counsel+ing)\b|\bassistance\b|\bcharity\b/,
    /\bhardship (?:program|discount|plan|policy|application|fund|waiver|form|adjustment)s?\b/,
    /\bcounsel+ors?\b|\bsliding[- ]?scale\b|\b501 ?\(?r\)?(?![a-z])/,
    /\bhelp(?:ing)? programs?\b|\bprograms? for (?:uninsured|low[- ]income|people|patients|families)\b|\buninsured discount\b|\bincome[- ]based (?:discount|program|plan)s?\b/,
    /\b(?:qualify|eligible|apply) for (?:any |some )?(?:help|aid|a discount|discounts|programs?)\b/,
  ],
  asksItemized: [
    /\bit[ie]m(?:i[sz]|zi|z|si|ai[sz])(?:e|ed|ing|ation|d)?\b/,
    /\b(?:billing|procedure|cpt|hcpcs|revenue|diagnosis|icd) codes?\b|\bcpt\b|\bub[- ]?04\b|\bmedical records?\b/,
    /\bline[- ]by[- ]line\b|\bline[- ]items?\b|\bbreak ?down\b|\b(?:each|every) charge\b/,
    /\bdetailed (?:bill|statement|invoice|list)\b|\blist of (?:(?:all|the|my) )*(?:charges|services|items)\b/,
    /\bwhat (?:exactly )?(?:i was|was i|im being|i am being|am i being|were we|we were) (?:charged|billed) for\b/,
  ],
  makesOffer: [
    new RegExp(String.raw`${OFFER_CUE}[^.!?;${T}]{0,25}${T}`),
    new RegExp(String.raw`\b(?:would|will|could|can) you (?:[a-z]+ ){0,3}(?:take|accept|do|settle for|agree to|consider|go down to|go to)\b[^.!?;${T}]{0,20}${T}`),
    new RegExp(String.raw`\b(?:settle|settlement|settling|offer|offering|how about|what about|(?:what )?if (?:i|we) (?:paid|pay|sent|send|did|do|gave|give)|propose|proposing|counteroffer|counter offer|lump sum)\b[^.!?;${T}]{0,20}${T}`),
    asOffer(String.raw`${T} (?:a|per|each|every|a-|/) ?(?:month|mo|week|paycheck|pay period|installment)\b`),
    asOffer(String.raw`${T} (?:monthly|weekly|biweekly|today|now|right now|down|upfront|up front|saved|set aside|available|toward|towards)\b`),
    asOffer(String.raw`\b(?:payments?|installments?) of ${T}|${T} (?:that |which )?(?:i|we) (?:can|could) (?:put|pay|send|give|do)\b`),
    asOffer(String.raw`\b(?:is|would|will|could) ${T} (?:be )?(?:enough|ok|okay|acceptable|work|do|fine)\b`),
  ],
  usesComparable: [
    /\bfair (?:price|prices|rate|rates|amount|market|value|cost|charge|deal)\b|\bfair ?health\b/,
    /\bmedicares? (?:(?:would|will|only|typically|usually|normally|just|probably|actually) )*(?:pay|rate|rates|price|prices|pays|would pay|allows|allowed|allowable|amount|reimbursement|fee schedule|pricing)\b|\bwhat medicare\b|\b(?:times|x|percent of|% of|of the) medicare\b/,
    /\bother (?:hospitals|providers|clinics|places|facilities|labs|doctors|ers|urgent cares|imaging centers)\b/,
    /\b(?:price list|chargemaster|cash prices?|cash rate|self[- ]pay (?:price|rate)s?|standard charges|price transparency|transparency (?:rule|law|file|data)|going rate|market rate)\b/,
    /\b(?:usual and customary|reasonable and customary|comparable|average (?:price|cost|charge|rate)|typical (?:price|cost|charge|rate)|healthcare bluebook|turquoise health|negotiated rates?|in[- ]network rates?)\b/,
    /\bwhat (?:insurance|insurers|insurance companies) (?:would )?pay\b|\b(?:insurance companies|insurers|insurance|everyone else|other places) (?:would )?(?:pay|pays|charge|charges) (?:way |much |a lot |far )?less\b/,
    new RegExp(String.raw`\bthe same (?:test|procedure|scan|service|thing|visit|mri|x-?ray|surgery) (?:costs?|is|runs)\b|\bcosts? (?:only |just |about |around )?(?:${T}|less) (?:at|elsewhere|down the street|across town|everywhere else)\b`),
  ],
  asksNameReference: [
    /\b(?:your|ur) (?:full |first |last )?name\b|\bwho (?:am i|i am|im) (?:speaking|talking) (?:with|to)\b|\bwho(?: i|)s this\b/,
    /\b(?:reference|ref|confirmation|ticket|case|interaction|tracking) ?(?:number|no\b|num\b|#|id\b|code)/,
    /\b(?:employee|agent|rep|representative|operator) (?:id|number|name)\b|\bspell your\b|\b(?:call|case|ticket|the|a) reference\b|\bname of (?:your|the) (?:company|agency)\b|\b(?:your|the) (?:company|agency)s? name\b/,
  ],
  asksInWriting: [
    /\bin writing\b|\bwritten\b|\bdocument(?:ed)?\b|\bon paper\b|\bpaper trail\b|\bconfirmation letter\b|\b(?:letter|email|e-mail) (?:confirming|stating|saying|showing)\b/,
    /\b(?:send|mail|email|e-mail|text) (?:me |us )?(?:a |an |the |that |this |it |some )?(?:[a-z]+ )?(?:letter|email|e-mail|confirmation|agreement|paperwork)\b/,
    /\b(?:email|e-mail|mail) (?:me|it|that|this|the agreement|the confirmation|a confirmation)\b|\bsend (?:me |us )?(?:something|it|that|this|a copy) (?:in the mail|by mail|in the post)\b/,
    /\b(?:by|in an?|via) (?:email|e-mail|letter)\b|\b(?:need|want|like|get|give me) (?:a |an |the )?(?:letter|email confirmation|confirmation email)\b/,
  ],
  citesEob: [
    new RegExp(String.raw`\b(?:eobs?|explanation of benefits|insurance|insurer|my plan|good faith estimate|gfe|estimate)\b[^.!?;]{0,40}(?:${T}|\bsays\b|\bshows\b|\bonly owe\b|\bi owe\b|\bless\b|\bmy (?:part|share|responsibility)\b|\ballowed\b)`),
    new RegExp(String.raw`\b(?:patient|my) (?:responsibility|share|part) (?:is |of |says |shows )?${T}|${T}[^.!?;]{0,15}\b(?:all|what) i (?:really |actually )?owe\b`),
  ],
  declinesUnaffordable: [
    new RegExp(String.raw`\b(?:thats|its|thatd be|thatll be|(?:that|this|it|those|these|the)(?: [a-z]+){0,2} (?:is|are|would be|seems|sounds)) ${TOO_MUCH}`),
    /\bmore than i (?:can|could) (?:pay|afford|do|manage|handle|swing)\b/,
    new RegExp(String.raw`${T}(?: [a-z]+){0,3} (?:is|are|would be|seems) ${TOO_MUCH}`),
    new RegExp(String.raw`\b${NOT_ABLE} (?:[a-z]+ )?afford (?:that|this|those|it|the|a|${T})[^.!?;]{0,15}\b(?:monthly|a month|per month|each month|every month|payments?|plan|installments?|a week|per week|biweekly)\b`),
    new RegExp(String.raw`\b${NO_WILL} (?:[a-z]+ )?(?:put|putting|charge|charging|use|using|pay with|paying with|pay on|open|opening|sign up for|signing up for|apply for|applying for)\b[^.!?;]{0,25}(?:\b(?:credit|financing|debit)? ?cards?\b|\bcare ?credit\b)|\bno (?:credit )?cards?\b|\b${NO_WILL} (?:[a-z]+ )?(?:finance|financing) (?:it|this|that)\b`),
    new RegExp(String.raw`\b${NO_WILL} (?:[a-z]+ ){0,3}(?:do|agree to|commit to|accept|sign up for|sign|manage|handle|make|take on|keep up with) (?:that|this|those|it|the plan|that plan|that payment|those payments|these terms|those terms|that amount|${T})(?![a-z])`),
    /\b(?:i|ill|id|i will|i have to|i must|i need to|ill have to|id have to|i would have to) (?:respectfully |politely |have to )?(?:decline|say no|pass)\b/,
    /\b(?:that|this|it|those|the) (?:[a-z]+ )?(?:wont|doesnt|does not|will not|would not|wouldnt|isnt going to) work (?:for me|for us|with my budget)\b|\bno,? thank(?:s| you)\b|\b(?:not|isnt|is not) (?:an option|possible|doable)\b/,
    /\b(?:ill|i will|id rather|i would rather|id like to|i want to|i prefer to|i need to) (?:just )?wait\b|^(?:no,? )?not (?:yet|right now|now|today)\b/,
  ],
};

const MONTH_WORD = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** An account, member, claim or patient number: says which bill on its own. */
export const ACCOUNT_IDS: readonly RegExp[] = [
  /\b(?:account|acct|member|patient|guarantor|claim|invoice|statement|policy|subscriber|visit|encounter)(?: (?:number|no|num|id|#))?(?: is)?:? ?#? ?[a-z]{0,4}-?\d{3,}/,
  /\b(?:my |the |its )?(?:id|number|#) (?:is )?:? ?[a-z]{0,4}-?\d{4,}/,
  /\b(?:account|member|patient|claim|invoice) (?:number|no|num|id|#) (?:is )?[a-z]*\d/,
  /\b(?:its|it is|yes its|sure its) [a-z]{0,4}\d{5,}/,
  /\bdate of service\b|\baccount (?:ending|that ends) in\b/,
];

/** What makes a mention of the bill identify it: a date, the amount, a provider or the care it was for. */
export const IDENTIFIES: readonly RegExp[] = [
  new RegExp(String.raw`\b${MONTH_WORD}\b|\b\d{1,2}/\d{1,2}\b|\b(?:last|this) (?:week|month|year)\b|\b(?:19|20)\d\d\b`),
  new RegExp(AMOUNT_TOKEN),
  /\b(?:er|emergency|surgery|appendectomy|delivery|ambulance|mri|ct|scan|x-?ray|lab|labs|visit|stay|procedure|birth|checkup|urgent care)\b/,
  /\b(?:from|at|with) (?:st |saint |the )?[a-z]+ (?:general|memorial|medical|hospital|health|clinic|regional|county|imaging|lukes|marys|center)\b|\bmercy\b|\b(?:husbands|wifes|sons|daughters|moms|dads|childs|kids|babys) (?:hospital |er |medical )?(?:bill|statement|account)\b/,
];

/** Insults, accusations, threats and swearing. */
export const HOSTILE_PATTERNS: readonly RegExp[] = [
  /(?<!\b(?:i feel|i felt|i am|i was|im|feel|felt|feeling)(?: so| really| kind of| pretty| a bit| a little)? )\b(?:stupid|dumb|useless|pathetic|incompetent)\b/,
  /\b(?:idiots?|idiotic|morons?|moronic|clowns?|crooks?|crooked|thief|thieves|liars?|scumbags?|scum|jerks?|losers?|worthless|greedy|bloodsuckers?|leeches|vultures|criminals?|extortion|robbery|heartless)\b/,
  /\b(?:you people|you suck|youre lying|you are lying|stop lying|scam(?:s|mers?|ming|med)?|rip(?:ping)? (?:me |us |people )?off|ripoff|rip-off|this is fraud|frauds|(?:are|is) (?:a )?(?:joke|disgrace))\b/,
  /\b(?:ill|i will|im going to|i am going to|i want to|i should|i could|i might)\s+(?:sue|take (?:you|this|it) to court|report you|call (?:my|a) (?:lawyer|attorney)|get (?:a|my) (?:lawyer|attorney)|call the news|go to the news|come down there)\b/,
  /\b(?:ruin|destroy|hurt|kill) (?:you|your|yall|this place|them|the hospital|everyone)\b/,
  /\bsu(?:e|ing) (?:you|yall|your|the hospital|this hospital|them|the pants)\b|\blawsuit\b|\bsee you in court\b|\bmy (?:lawyer|attorney)\b|\byoull (?:regret|be sorry|pay for)\b|\bwatch your back\b|\b(?:im|i am) (?:getting|calling|hiring|contacting) (?:a|my) (?:lawyer|attorney)\b/,
  /\b(?:f+u+c+k\w*|fck\w*|fk|fuk\w*|sh[i1]t\w*|bullshit|bs|damn\w*|goddamn\w*|dammit|hell|crap\w*|ass|asses|asshole\w*|arse\w*|bitch\w*|bastard\w*|dickhead\w*|piss\w*|wtf|stfu|screw (?:you|this|that)|shut up)\b/,
  /\bf[*#@]{2,}|\bsh[*#@]t\b|[#%&@*][#$%&@*!]{2,}/,
];

/** Capitalized words that are names and codes, not shouting. */
export const ACRONYMS: ReadonlySet<string> = new Set([
  'CPT', 'ICU', 'MRI', 'EOB', 'EOBS', 'HSA', 'FSA', 'ACA', 'HIPAA', 'USA', 'HMO', 'PPO', 'EPO', 'NPI', 'HCPCS', 'ICD', 'DRG',
  'SSI', 'SSDI', 'SNAP', 'WIC', 'CFPB', 'IRS', 'ATM', 'ASAP', 'ECG', 'EKG', 'CBC', 'FAQ', 'FAP', 'ACH', 'APR', 'MRN', 'DOB',
  'SSN', 'COVID', 'OBGYN', 'BCBS', 'UHC', 'CMS', 'HHS', 'USD', 'ZIP', 'PDF', 'ETA', 'FYI', 'FMLA', 'FAIR', 'ERS', 'GFE',
]);

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

/** Numbers that are never money, blanked out before numbers are recognized: phones, dates, times, ordinals. */
export const NOT_MONEY_SPANS: readonly RegExp[] = [
  /\(?\b\d{3}\)?[-.\s]?\d{3}[-.]\d{4}\b|\b\d{3}-\d{4}\b/g,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b\d{4}-\d{1,2}-\d{1,2}\b/g,
  /\b\d{1,2}:\d{2}(?:\s?[ap]\.?m\b\.?)?|\b\d{1,2}\s?[ap]\.?m\b\.?/gi,
  new RegExp(String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?![a-z])|\b${MONTH}\s+\d{4}\b`, 'gi'),
  /\b\d+(?:st|nd|rd|th)\b/gi,
];

/** Marks an amount as money: "$" or "USD" before it, "dollars" or "bucks" after it. */
export const MONEY_BEFORE = /(?:\$|\busd)\s?$/;
export const MONEY_AFTER = /^\s?(?:\$|dollars?\b|bucks\b|usd\b)/;

/** Words that make the number after them an identifier ("account number 12345", "CPT 99213", "#4521"). */
export const ID_BEFORE = /(?:(?:\b(?:number|no|num|id|ref|codes?)|#)\.?\s*(?:\b(?:is|was)\b|:)?|\b(?:account|reference|confirmation|ticket|claim|invoice|policy|member|ext|extension|cpt|hcpcs|zip|room|case|option|step|page|line|floor|chapter|section|form|apt|suite|tier|level|version|mrn|patient|phone)\.?\s*:?)\s*$/;

const UNITS = String.raw`(?:weeks?|wks?|days?|months|mos|years?|yrs?|hours?|hrs?|minutes?|mins?|seconds?|secs?|times|kids?|children|people|persons?|visits?|calls?|payments|installments|pills?|tablets?|mg|ml|miles?|o'?clock|nights?|appointments?|procedures?|tests?|bills|statements|letters|items|lines|pages|stitches|x-?rays?|sessions?|doses?|units?|inches|lbs?|pounds?|kg|feet|ft|jobs?|dependents?|members?|adults?|grandkids|daughters?|sons?|degrees?|attempts?|emails|messages|of (?:them|us|my|the|those|your))`;

/** Words after a number that make it a count or a duration: "2 weeks", "3 or 4 days", "50%". */
export const NOT_MONEY_AFTER = new RegExp(String.raw`^\s*(?:(?:-|or|to|and)\s*(?:\d+(?:\.\d+)?|[a-z]+)\s+)?${UNITS}\b|^\s?(?:%|percent\b|per cent\b)|^(?:[a-z]|\s?\(\s?r\s?\))`);

/** An age, not money: "she's 14", "I'm 62". */
export const AGE_BEFORE = /\b(?:she'?s|he'?s|i'?m|i am|she is|he is|they'?re|aged?|turned|turning)\s*$/;

/** A year after these words is a date: "in 2023", "my bill from 2024". */
export const YEAR_BEFORE = /\b(?:in|since|from|of|during|until|by|before|after|year|early|late|summer|winter|spring|fall)\s*$/;
