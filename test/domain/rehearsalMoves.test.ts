import { MOVES, recognizeMoves, type Move } from '../../src/domain/rehearsal';

interface Row {
  say: string;
  moves: Move[];
  /** Checked when given: every money amount, in cents. */
  amounts?: number[];
  hostile?: boolean;
  empty?: boolean;
}
const row = (say: string, moves: Move[], more: Omit<Row, 'say' | 'moves'> = {}): Row => ({ say, moves, ...more });

/** Realistic answers a caller gives the role-played billing rep, and what the coach should hear in each. */
const ROWS: Row[] = [
  // Saying which bill it is
  row("Hi, I'm calling about my bill from Mercy General.", ['statesAccount']),
  row('Hi, my account number is 88231947.', ['statesAccount'], { amounts: [] }),
  // A mention of the bill counts only with something that identifies it (a number, date, amount, provider or the care).
  row('The balance on my account is way too high for me.', []),
  row('yeah hi i got this bill', []),
  row('The balance on my account from the March 3rd ER visit is way too high for me.', ['statesAccount'], { amounts: [] }),
  row("It's about my statement dated January 5th.", ['statesAccount'], { amounts: [] }),
  row('Im calling regarding my husbands hospital bill.', ['statesAccount']),
  row('This is about invoice #448812.', ['statesAccount'], { amounts: [] }),
  row("Yeah so the bill from my daughter's appendectomy, she's 14.", ['statesAccount'], { amounts: [] }),
  row('My patient ID is A4471 if that helps.', ['statesAccount'], { amounts: [] }),
  row("hello i got a statement from st. luke's for $2,340 and i dont understand it", ['statesAccount'], { amounts: [234_000] }),
  row("I recieved a statement for my son's ER visit.", ['statesAccount']),
  row('I had surgery on March 3rd and got the bill two weeks later.', ['statesAccount'], { amounts: [] }),
  row('My account number is 123456789 and I can\'t pay it all.', ['statesAccount', 'mentionsHardship'], { amounts: [] }),
  row('My claim number is 7734 and CPT code 99213 was billed twice.', ['statesAccount', 'asksItemized'], { amounts: [] }),
  row('Hi, this is regarding account 55120, the ER visit.', ['statesAccount'], { amounts: [] }),
  row("I'm calling because I got a bill for $1,875 from your lab.", ['statesAccount'], { amounts: [187_500] }),
  row('I never got an itemized bill, just a total.', ['asksItemized']),

  row('Can I get a copy of every charge with the codes?', ['stateTheAsk', 'asksItemized']),
  row("Yes. What's the name of your company?", ['asksNameReference']),

  // Pointing to the EOB
  row('my eob says i only owe $850, not 2400', ['citesEob'], { amounts: [85_000, 240_000] }),
  row('The explanation of benefits shows my responsibility is $850.', ['citesEob']),
  row('Is $850 really all I owe?', ['citesEob']),

  // Asking clearly
  row("I'd like to talk about setting up something I can actually afford.", ['stateTheAsk']),
  row('Could you lower the balance?', ['stateTheAsk']),
  row('Is it possible to get a discount for paying in full?', ['stateTheAsk']),
  row('I would like the balance reduced, please.', ['stateTheAsk']),
  row('Can we work something out?', ['stateTheAsk']),
  row("I'd like to pay 20% now", ['stateTheAsk'], { amounts: [] }),
  row('I want a line-item breakdown before I pay.', ['stateTheAsk', 'asksItemized']),
  row("I'm trying to get this bill lowered.", ['stateTheAsk']),

  // Hardship
  row("I can't pay that.", ['mentionsHardship']),
  row("I can't pay the full amount.", ['mentionsHardship']),
  row('I lost my job in March and money is tight.', ['mentionsHardship'], { amounts: [] }),
  row("My hours got cut at work, so I'm living paycheck to paycheck.", ['mentionsHardship']),
  row("I'm on a fixed income, just social security.", ['mentionsHardship']),
  row("I'm a single mom with two kids.", ['mentionsHardship'], { amounts: [] }),
  row("I've been on medical leave for 3 months.", ['mentionsHardship'], { amounts: [] }),
  row("We're a family of four on one income and I was laid off in June.", ['mentionsHardship'], { amounts: [] }),
  row("I just don't have that kind of money.", ['mentionsHardship']),
  row("I'm disabled and on SSI.", ['mentionsHardship']),
  row("I cant aford it, I'm already behind on rent.", ['mentionsHardship']),
  row("I'm asking for a reduction because I'm out of work.", ['stateTheAsk', 'mentionsHardship']),
  row('Things have been really tight since my surgery.', ['mentionsHardship']),
  row("My husband passed away and we're down to one income.", ['mentionsHardship']),
  row('I had to stop working after the accident.', ['mentionsHardship']),
  row("There's no way I can pay $6,000.", ['mentionsHardship'], { amounts: [600_000] }),

  // Financial assistance
  row('Do you have financial assistance or charity care?', ['mentionsAssistance']),
  row('Can I apply for your hardship program?', ['stateTheAsk', 'mentionsAssistance']),
  row('As a nonprofit you have to follow 501(r), right?', ['mentionsAssistance'], { amounts: [] }),
  row('Can I talk to a financial counselor?', ['stateTheAsk', 'mentionsAssistance']),
  row('Is there a sliding scale based on income?', ['mentionsAssistance']),
  row('Are there any hardship discounts I could apply for?', ['mentionsAssistance']),
  row('Is there any help program for people without insurance?', ['mentionsAssistance']),
  row('I need you to put the account on hold while I apply for help.', ['stateTheAsk', 'mentionsAssistance']),

  // Itemized bill
  row('Please send me an itemized bill.', ['stateTheAsk', 'asksItemized']),
  row('can u send me an itemzied bill', ['stateTheAsk', 'asksItemized']),
  row('I want to see the billing codes, line by line.', ['stateTheAsk', 'asksItemized']),
  row("What exactly was I charged for? I'd like a breakdown of the charges.", ['stateTheAsk', 'asksItemized']),
  row('I need the UB-04 and my medical records.', ['stateTheAsk', 'asksItemized'], { amounts: [] }),
  row("I'd like to see a detailed bill with CPT codes before I pay anything.", ['stateTheAsk', 'asksItemized']),
  row('Could I get an itemised statement mailed to me?', ['stateTheAsk', 'asksItemized']),

  // Offers: only with an amount
  row('I can pay $500 today.', ['makesOffer'], { amounts: [50_000] }),
  row('I could do 800 today.', ['makesOffer'], { amounts: [80_000] }),
  row('Would you take 1,200 to settle it?', ['stateTheAsk', 'makesOffer'], { amounts: [120_000] }),
  row("I'd be willing to settle for $900.", ['makesOffer'], { amounts: [90_000] }),
  row('$50 a month', ['makesOffer'], { amounts: [5_000] }),
  row('I can pay five hundred dollars today.', ['makesOffer'], { amounts: [50_000] }),
  row('I could pay 1,250.50 as a lump sum.', ['makesOffer'], { amounts: [125_050] }),
  row('How about 600 dollars and we call it done?', ['makesOffer'], { amounts: [60_000] }),
  row('I can pay 2000 if we settle it today.', ['makesOffer'], { amounts: [200_000] }),
  row('I could manage $25 a week.', ['makesOffer'], { amounts: [2_500] }),
  row('What if I paid a thousand dollars right now?', ['makesOffer'], { amounts: [100_000] }),
  row('i can do like 150 a month max', ['makesOffer'], { amounts: [15_000] }),
  row('I can maybe do fifty bucks a month.', ['makesOffer'], { amounts: [5_000] }),
  row('Could we do a payment plan of 12 payments of $100?', ['stateTheAsk', 'makesOffer'], { amounts: [10_000] }),
  row('Is $1,500 enough to settle it?', ['makesOffer'], { amounts: [150_000] }),
  row('I have maybe $200 I can put toward it.', ['makesOffer'], { amounts: [20_000] }),
  row('We could put down 300 now and 100 a month.', ['makesOffer'], { amounts: [30_000, 10_000] }),
  row('My best offer is seven hundred fifty.', ['makesOffer'], { amounts: [75_000] }),
  row('would you guys take 500', ['stateTheAsk', 'makesOffer'], { amounts: [50_000] }),
  row("I'm able to pay 40 dollars every month.", ['makesOffer'], { amounts: [4_000] }),
  row('I can pay but not the whole thing.', []),
  row('I can pay something, just not all of it.', [], { amounts: [] }),
  row('I can only pay a little at a time.', [], { amounts: [] }),
  row('Would you accept half?', ['stateTheAsk'], { amounts: [] }),
  row("I've been paying $50 a month since 2022.", [], { amounts: [5_000] }),
  row('I paid $200 already on 4/15.', [], { amounts: [20_000] }),

  // Fair price
  row('Other hospitals charge about half that for an MRI.', ['usesComparable']),
  row('FAIR Health says the fair price is around $900.', ['usesComparable'], { amounts: [90_000] }),
  row('Medicare pays $300 for this, so could you come down closer to that?', ['stateTheAsk', 'usesComparable'], { amounts: [30_000] }),
  row('Your own price list shows a cash price of $1,100.', ['usesComparable'], { amounts: [110_000] }),
  row('Under price transparency rules you have to publish that.', ['usesComparable']),
  row("That's way above the going rate.", ['usesComparable']),
  row('You charged me three times what Medicare allows.', ['usesComparable'], { amounts: [] }),
  row('Could you check what Medicare would pay for that?', ['stateTheAsk', 'usesComparable']),
  row('Medicare would only pay about $400 for that.', ['usesComparable'], { amounts: [40_000] }),
  row('You list this at $3,000 but your cash price is $900.', ['usesComparable'], { amounts: [300_000, 90_000] }),
  row('The same test costs $90 at the imaging center down the street.', ['usesComparable'], { amounts: [9_000] }),

  // Name, reference number, in writing
  row('Can I get your name, please?', ['stateTheAsk', 'asksNameReference']),
  row('Who am I speaking with?', ['asksNameReference']),
  row('Is there a reference number for this call?', ['asksNameReference']),
  row('Could you give me a confirmation number?', ['stateTheAsk', 'asksNameReference']),
  row("What's your name and employee ID?", ['asksNameReference']),
  row("Can I have a case number for today's call?", ['stateTheAsk', 'asksNameReference']),
  row('Can you put that in writing?', ['stateTheAsk', 'asksInWriting']),
  row('Please send me a letter confirming the new balance.', ['stateTheAsk', 'asksInWriting']),
  row("I'd like written confirmation by email.", ['stateTheAsk', 'asksInWriting']),
  row("I'd want that documented before I pay anything.", ['asksInWriting']),
  row("I'll need that agreement in writing before I pay.", ['asksInWriting']),
  row('Can you email me a copy of that agreement?', ['stateTheAsk', 'asksInWriting']),
  row("I'll need a letter stating the balance is paid in full.", ['asksInWriting']),
  row('Could you email that to me?', ['stateTheAsk', 'asksInWriting']),
  row("I'll want an email confirming what we agreed.", ['asksInWriting']),

  // Turning down terms that do not fit the budget
  row("I can't afford that monthly.", ['mentionsHardship', 'declinesUnaffordable']),
  row("That's more than I can pay.", ['declinesUnaffordable']),
  row("I won't put it on a credit card.", ['declinesUnaffordable']),
  row("No, I can't do that.", ['declinesUnaffordable']),
  row("I can't agree to that.", ['declinesUnaffordable']),
  row("I'm not opening one of those medical credit cards.", ['declinesUnaffordable']),
  row("I'm not going to put this on my card.", ['declinesUnaffordable']),
  row('That payment is too high for my budget.', ['declinesUnaffordable']),
  row("Sorry, I can't commit to $400 a month.", ['declinesUnaffordable'], { amounts: [40_000] }),
  row("I'll have to decline, thank you.", ['declinesUnaffordable']),
  row('$250 a month is too much for me.', ['declinesUnaffordable'], { amounts: [25_000] }),
  row("I won't be able to do $200 a month.", ['declinesUnaffordable'], { amounts: [20_000] }),
  row('That monthly amount is out of my budget.', ['declinesUnaffordable']),
  row("Nope, that payment won't work for me.", ['declinesUnaffordable']),
  row("No thanks, I don't want a credit card.", ['declinesUnaffordable']),
  row("I'm not signing up for CareCredit.", ['declinesUnaffordable']),
  row("I can't do 400 a month, I can do 100.", ['makesOffer', 'declinesUnaffordable'], { amounts: [40_000, 10_000] }),
  row("That won't work for me, I'm on a fixed income.", ['mentionsHardship', 'declinesUnaffordable']),
  row("I can't afford $300 a month, but I could do $75 a month.", ['mentionsHardship', 'makesOffer', 'declinesUnaffordable'], { amounts: [30_000, 7_500] }),

  // Sarcasm, anger, threats, swearing, shouting
  row('oh great, another surprise bill, thanks a lot', []),
  row('Thank you SO MUCH for nothing', []),
  row('Are you kidding me? This is ridiculous.', []),
  row('Are you freaking kidding me', []),
  row('oh great, thanks a lot, you idiots', [], { hostile: true }),
  row('This is a scam and you people know it.', [], { hostile: true }),
  row("I'll sue you if this goes to collections.", [], { hostile: true }),
  row("I'm going to report you to the attorney general.", [], { hostile: true }),
  row('This is complete bullshit.', [], { hostile: true }),
  row('Damn it, fine.', [], { hostile: true }),
  row('F*** this.', [], { hostile: true }),
  row('Shut up and listen.', [], { hostile: true }),
  row('You guys are useless.', [], { hostile: true }),
  row('you people are a bunch of crooks', [], { hostile: true }),
  row('seriously?? you guys are a joke', [], { hostile: true }),
  row('This hospital is a ripoff.', [], { hostile: true }),
  row("This is outrageous and I'm getting a lawyer.", [], { hostile: true }),
  row('go to hell', [], { hostile: true }),
  row('I CANNOT AFFORD THIS BILL', ['mentionsHardship'], { hostile: true }),
  row('I SAID I NEED THE ITEMIZED BILL', ['stateTheAsk', 'asksItemized'], { hostile: true }),
  row('WHY IS THIS BILL SO EXPENSIVE', [], { hostile: true }),
  row('THIS IS INSANE, I WILL NOT PAY', [], { hostile: true }),
  row("I CAN'T PAY THIS, STOP CALLING ME", ['mentionsHardship'], { hostile: true }),
  row("What the hell, I can't pay $4,000.", ['mentionsHardship'], { hostile: true, amounts: [400_000] }),

  // Nothing to hear
  row('👍', [], { empty: true, amounts: [] }),
  row('😡😡😡', [], { empty: true }),
  row('...?!', [], { empty: true }),
  row('', [], { empty: true }),
  row('ok', []),
  row('Sure, go ahead.', []),
  row('Thanks for your help.', []),
  row('Honestly I just want this to go away.', []),
  row('Call me back at 555-123-4567.', [], { amounts: [] }),
  row("I've called 5 times over 2 weeks about this.", [], { amounts: [] }),
  row("it's been 45 minutes on hold", [], { amounts: [] }),
  row('I was seen on 12/3/2024 in the ER.', [], { amounts: [] }),
  row('I was billed on 10/02 and again on 11/02.', [], { amounts: [] }),
  row('The visit was on the 22nd of May.', [], { amounts: [] }),
  row("I'm 62 years old and retired.", [], { amounts: [] }),
  row('My deductible was 3000 and I already met it.', [], { amounts: [300_000] }),

  // A long, rambling answer that does a lot at once
  row(
    "So, um, hi, I'm calling about my bill from the ER visit back in 2023, account number 55501234, and honestly I lost my job last spring so money is really tight right now, I was wondering if you have any financial assistance, and could you send me an itemized bill, because other hospitals charge way less for the same scan, and if it helps I could pay $400 today, and what's your name so I have it for my notes?",
    ['statesAccount', 'stateTheAsk', 'mentionsHardship', 'mentionsAssistance', 'asksItemized', 'makesOffer', 'usesComparable', 'asksNameReference'],
    { amounts: [40_000] },
  ),
];

describe('what the coach hears in a rehearsal answer', () => {
  it('has a broad table of realistic answers', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ROWS.map((r) => r.say)).size).toBe(ROWS.length);
  });

  it('every move is heard somewhere in the table', () => {
    const heard = new Set(ROWS.flatMap((r) => r.moves));
    expect(MOVES.filter((m) => !heard.has(m))).toEqual([]);
  });

  it.each(ROWS)('"$say"', ({ say, moves, amounts, hostile, empty }) => {
    const heard = recognizeMoves(say);
    expect(heard.moves).toEqual(MOVES.filter((m) => moves.includes(m)));
    expect(heard.hostile).toBe(hostile ?? false);
    expect(heard.empty).toBe(empty ?? false);
    if (amounts) expect(heard.amountsCents).toEqual(amounts);
  });
});
