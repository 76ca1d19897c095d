import { z } from 'zod';

/**
 * A hospital from CMS's public list (Hospital General Information, content/data/hospitals), and what a case
 * keeps of the one the user picked. Pure: the loader in src/content reads the file.
 */
export const OWNERSHIP_CATEGORIES = ['nonprofit', 'government', 'proprietary', 'tribal', 'unknown'] as const;
export type OwnershipCategory = (typeof OWNERSHIP_CATEGORIES)[number];

export interface Hospital {
  /** CMS Certification Number: six characters, kept as text (leading zeros; VA/DoD ids end in a letter). */
  ccn: string;
  /** As CMS prints it (upper case). */
  name: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  county: string;
  /** The main number, "(334) 793-8701". */
  phone: string;
  hospitalType: string;
  /** CMS's ownership value, e.g. "Voluntary non-profit - Church". */
  ownership: string;
  category: OwnershipCategory;
}

/** The hospital a case is about, as the user picked it from CMS's list (optional: most cases have none). */
export const caseHospitalSchema = z.looseObject({
  ccn: z.string().min(1).max(10),
  name: z.string().min(1).max(120),
  address: z.string().max(200),
  city: z.string().max(80),
  state: z.string().regex(/^[A-Z]{2}$/),
  zip: z.string().max(10),
  phone: z.string().max(30),
  ownership: z.string().max(80),
  category: z.enum(OWNERSHIP_CATEGORIES),
});
export type CaseHospital = z.infer<typeof caseHospitalSchema>;

export function toCaseHospital(h: Hospital): CaseHospital {
  return { ccn: h.ccn, name: h.name, address: h.address, city: h.city, state: h.state, zip: h.zip, phone: h.phone, ownership: h.ownership, category: h.category };
}

/**
 * The nonprofit answer CMS's ownership gives: a voluntary non-profit hospital is a nonprofit (IRS 501(r)
 * applies); government, tribal and for-profit hospitals are not bound by 501(r). Unknown ownership: ask.
 */
export function nonprofitFromOwnership(category: OwnershipCategory): 'yes' | 'no' | undefined {
  if (category === 'nonprofit') return 'yes';
  if (category === 'unknown') return undefined;
  return 'no';
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'at', 'for', 'in', 'on']);
/** Upper-case names people say letter by letter (CMS prints every name in capitals). */
const ACRONYMS = new Set(['UCSF', 'UCLA', 'UC', 'USC', 'UAB', 'UNC', 'UNM', 'UT', 'UW', 'UVA', 'UPMC', 'NYU', 'MUSC', 'OSF', 'HCA', 'VA', 'LLC', 'SSM', 'CHI', 'OU', 'LSU', 'OHSU', 'KU', 'MD', 'II', 'III', 'IV', 'ER', 'JFK', 'NW', 'NE', 'SW', 'SE', 'UMASS']);

/** "ST. MARY'S MEDICAL CENTER OF EVANSVILLE" → "St. Mary's Medical Center of Evansville" (a few acronyms stay). */
export function displayCase(text: string): string {
  return text.toLowerCase().split(/(\s+|-|\/)/).map((word, i) => {
    const bare = word.replace(/[^a-z]/g, '').toUpperCase();
    if (ACRONYMS.has(bare)) return word.toUpperCase();
    if (i > 0 && SMALL_WORDS.has(word)) return word;
    if (/^[bcdfghjklmnpqrstvwxz]{3,4}$/.test(word)) return word.toUpperCase();
    return word.replace(/^(\(?)(\p{Ll})/u, (_, p: string, l: string) => `${p}${l.toUpperCase()}`).replace(/^Mc(\p{Ll})/u, (_, l: string) => `Mc${l.toUpperCase()}`);
  }).join('');
}

/** The hospital's name as people read it: "St. Mary's Medical Center". */
export function hospitalName(h: Pick<Hospital, 'name'>): string {
  return displayCase(h.name);
}

/** "Springfield, OH": where it is, for a button beside its name. */
export function hospitalPlace(h: Pick<Hospital, 'city' | 'state'>): string {
  return `${displayCase(h.city)}, ${h.state}`;
}

/** "1108 Ross Clark Circle, Dothan, AL 36301": its street address, for a letter's "To:" block. */
export function hospitalAddress(h: Pick<Hospital, 'address' | 'city' | 'state' | 'zip'>): string {
  return `${displayCase(h.address)}, ${hospitalPlace(h)} ${h.zip}`;
}
