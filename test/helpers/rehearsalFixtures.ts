/** A case ready for step 4 (an offer worked out), and a strong caller's six lines for the role-play. */
export const WITH_OFFER = {
  provider: { name: 'Mercy General', kind: 'hospital', nonprofit: 'no' }, balanceCents: 240000, insurance: 'uninsured', state: 'OH',
  offer: { cashAvailableCents: 100000, lumpSum: { referenceCents: 240000, openingCents: 96000, targetCents: 100000, ceilingCents: 100000 } },
};
export const STRONG = [
  "Hi, I'm calling about my bill from March, account 55512. Could you help me with it?",
  "I lost my job and can't pay the full amount. Do you have financial assistance?",
  'Could you send me an itemized bill with the codes?',
  "No, I won't put it on a credit card. I can pay $960 today.",
  "I lost my job, so I can pay $960 today if we settle the account.",
  "What's your name and a reference number? And please send that in writing.",
];
