import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OWNERSHIP_CATEGORIES, type Hospital, type OwnershipCategory } from '../domain/hospital';
import { ContentError } from './contentError';

/** The file in content/data/hospitals, built by `npm run data:hospitals` (see its PROVENANCE.md). */
export const HOSPITALS_FILE = 'hospitals.csv';
const COLUMNS = ['ccn', 'name', 'address', 'city', 'state', 'zip', 'county', 'phone', 'hospital_type', 'ownership', 'ownership_category'] as const;

/** One line of the file as fields: commas inside double quotes stay, `""` is a quote. */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted && ch === '"' && line.charAt(i + 1) === '"') { field += '"'; i++; }
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { out.push(field); field = ''; }
    else field += ch;
  }
  out.push(field);
  return out;
}

const CHECKS: Partial<Record<(typeof COLUMNS)[number], RegExp>> = {
  ccn: /^[0-9A-Z]{6}$/,
  name: /\S/,
  state: /^[A-Z]{2}$/,
  zip: /^\d{5}$/,
  phone: /^\(\d{3}\) \d{3}-\d{4}$/,
};

const CHECKED = Object.entries(CHECKS) as [(typeof COLUMNS)[number], RegExp][];

/**
 * CMS's hospitals from `<dir>/hospitals.csv`, validated: a wrong header, field count, CCN, state, ZIP,
 * phone or ownership category stops startup naming the file, the row (line number) and the column.
 */
export function loadHospitalData(dir: string): Hospital[] {
  const file = path.join(dir, HOSPITALS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ContentError(`hospitals/${HOSPITALS_FILE}: missing from ${dir}`);
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const where = `hospitals/${HOSPITALS_FILE}`;
  if (lines[0] !== COLUMNS.join(',')) throw new ContentError(`${where}: row 1: the header must be ${COLUMNS.join(',')}`);
  const seen = new Set<string>();
  return lines.slice(1).map((line, i) => {
    const row = i + 2;
    // Most lines have no quoted field: a plain split is several times faster than reading them character by character.
    const values = line.includes('"') ? fields(line) : line.split(',');
    if (values.length !== COLUMNS.length) throw new ContentError(`${where}: row ${row}: ${values.length} fields, expected ${COLUMNS.length}`);
    const get = (c: (typeof COLUMNS)[number]) => values[COLUMNS.indexOf(c)] ?? '';
    for (const [column, pattern] of CHECKED) {
      const value = get(column);
      if (!pattern.test(value)) throw new ContentError(`${where}: row ${row}: ${column} "${value}" is not valid`);
    }
    const category = get('ownership_category');
    if (!(OWNERSHIP_CATEGORIES as readonly string[]).includes(category)) throw new ContentError(`${where}: row ${row}: ownership_category "${category}" is not one of ${OWNERSHIP_CATEGORIES.join(', ')}`);
    const ccn = get('ccn');
    if (seen.has(ccn)) throw new ContentError(`${where}: row ${row}: ccn ${ccn} appears twice`);
    seen.add(ccn);
    return {
      ccn, name: get('name'), address: get('address'), city: get('city'), state: get('state'), zip: get('zip'), county: get('county'),
      phone: get('phone'), hospitalType: get('hospital_type'), ownership: get('ownership'), category: category as OwnershipCategory,
    };
  });
}
