import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { localityTable, type Locality } from '../domain/localities';
import { PRICED_STATUSES, type PricedStatus, type ClfsTable, type KeyedTable, type MedicareTables, type PfsRow, type PfsTable } from '../domain/medicarePrice';
import { US_STATES } from '../domain/usStates';
import { ContentError } from './contentError';
import type { ContentStore } from './contentStore';

/**
 * Medicare's fee schedules as the coach ships them (content/data/medicare, built by `npm run data:prices`; see its
 * PROVENANCE.md), read and validated once at startup into constant-time look-up tables. A malformed file stops
 * startup naming the file, the row (its key and line) and the column. The localities' plain names come from
 * content/en/localities.yaml: a locality of a state with several has to have one there.
 */

export const MEDICARE_FOLDER = 'medicare';
export const MEDICARE_FILES = { pfs: 'pfs-rvu.json', gpci: 'gpci.json', clfs: 'clfs.json' } as const;

/**
 * Each table's rows: the key's pattern and, per column, what a value must be. The ~20,000 rows are checked by a
 * plain loop, not a zod schema per row: zod took ~200 ms of a 1.5 s start for them, this loop a few ms. The
 * files' headers (label, year, release, layout) are checked by zod.
 */
type Check = (value: unknown) => string | undefined;

const wholeNumber: Check = (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? undefined : 'expected a whole number, 0 or more');
const textLike = (pattern: RegExp, what: string): Check => (v) => (typeof v === 'string' && pattern.test(v) ? undefined : `expected ${what}`);
const oneOf = (values: readonly string[]): Check => (v) => (typeof v === 'string' && values.includes(v) ? undefined : `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
const orNull = (check: Check): Check => (v) => (v === null ? undefined : check(v));

interface TableSpec {
  key: RegExp;
  keyWhat: string;
  /** A row is an array of these columns; a single check for a table of plain values. */
  columns: readonly (readonly [string, Check])[] | Check;
  /** A check across the key and the row's values, after the columns'. */
  whole?: (key: string, row: readonly unknown[]) => string | undefined;
}

const PFS_KEY = /^[0-9A-Z]{5}(?:-(?:26|TC))?$/;
const PFS_KEY_WHAT = 'a code (5 letters or digits), maybe with -26 or -TC';

const PFS_ROWS: TableSpec = {
  key: PFS_KEY, keyWhat: PFS_KEY_WHAT,
  columns: [
    ['status', oneOf(PRICED_STATUSES)], ['pctc', textLike(/^\d$/, 'one digit')], ['work', wholeNumber], ['nonFacilityPe', wholeNumber],
    ['facilityPe', wholeNumber], ['mp', wholeNumber], ['na', oneOf(['', 'N', 'F', 'NF'])],
  ],
};
const PFS_UNPRICED: TableSpec = { key: PFS_KEY, keyWhat: PFS_KEY_WHAT, columns: textLike(/^[A-Z]$/, 'one status letter') };
const GPCI_ROWS: TableSpec = {
  key: /^[A-Z]{2}-\d{2}$/, keyWhat: 'a locality id (state-number, like NY-01)',
  columns: [
    ['state', textLike(/^[A-Z]{2}$/, 'a two-letter state')], ['number', textLike(/^\d{2}$/, 'a two-digit locality number')], ['mac', textLike(/^\d{5}$/, 'a five-digit MAC number')],
    ['cmsName', textLike(/\S/, 'a name')], ['work', wholeNumber], ['pe', wholeNumber], ['mp', wholeNumber],
  ],
  whole: (key, row) => (key === `${String(row[0])}-${String(row[1])}` ? undefined : `the key must be its state and locality number (${String(row[0])}-${String(row[1])})`),
};
const CLFS_RATES: TableSpec = { key: /^[0-9A-Z]{5}(?:-[0-9A-Z]{2})?$/, keyWhat: 'a lab code (5 letters or digits), maybe with a modifier', columns: orNull(wholeNumber) };

const columnNames = (spec: TableSpec): string[] => (typeof spec.columns === 'function' ? [] : spec.columns.map(([name]) => name));
/** A table: an object of rows, each row checked by tableProblem (one zod check per table, not per row). */
const rowsOf = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object of rows');
const header = {
  label: z.string().trim().min(1),
  year: z.number().int().min(2000).max(2200),
  release: z.string().trim().min(1),
};
/** The rows' layout, as the importer writes it: the loader reads the columns by position. */
const layout = (spec: TableSpec) =>
  z.array(z.string()).refine((c) => c.join(',') === columnNames(spec).join(','), { message: `expected the columns ${columnNames(spec).join(', ')}` });

const pfsSchema = z.looseObject({ ...header, conversionFactor: z.number().int().positive(), columns: layout(PFS_ROWS), rows: rowsOf, unpriced: rowsOf });
const gpciSchema = z.looseObject({ ...header, columns: layout(GPCI_ROWS), localities: rowsOf });
const clfsSchema = z.looseObject({ ...header, rates: rowsOf });

/** `line 523 (rows "99284")`: the entry's line in the file (the importer writes one entry a line) and its key. */
function rowName(fileText: string, section: string, key: string): string {
  const sectionAt = fileText.indexOf(`\n  ${JSON.stringify(section)}: {`);
  const keyAt = sectionAt < 0 ? -1 : fileText.indexOf(`\n    ${JSON.stringify(key)}:`, sectionAt);
  const where = `${section} ${JSON.stringify(key)}`;
  return keyAt < 0 ? where : `line ${fileText.slice(0, keyAt + 1).split('\n').length} (${where})`;
}

/** The first problem in a table, as "<row>: <column>: <what is wrong>"; undefined when every row is right. */
function tableProblem(fileText: string, section: string, table: Record<string, unknown>, spec: TableSpec): string | undefined {
  for (const key of Object.keys(table)) {
    const problem = rowProblem(key, table[key], spec);
    if (problem !== undefined) return `${rowName(fileText, section, key)}: ${problem}`;
  }
  return undefined;
}

/** A constant-time view over a checked table of the parsed file, converting a row when it is looked up. */
function keyed<V, T>(table: Record<string, V>, convert: (value: V) => T): KeyedTable<T> {
  const size = Object.keys(table).length;
  return { size, get: (key) => (Object.hasOwn(table, key) ? convert(table[key] as V) : undefined) };
}

function rowProblem(key: string, value: unknown, spec: TableSpec): string | undefined {
  if (!spec.key.test(key)) return `the key is not ${spec.keyWhat}`;
  if (typeof spec.columns === 'function') return spec.columns(value);
  if (!Array.isArray(value) || value.length !== spec.columns.length) return `expected ${spec.columns.length} values (${columnNames(spec).join(', ')})`;
  for (let i = 0; i < spec.columns.length; i++) {
    const [name, check] = spec.columns[i] ?? ['', () => undefined];
    const problem = check(value[i]);
    if (problem !== undefined) return `${name}: ${problem}, found ${JSON.stringify(value[i])}`;
  }
  return spec.whole?.(key, value);
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>, tables: Readonly<Record<string, TableSpec>>): T {
  const name = `${MEDICARE_FOLDER}/${file}`;
  let fileText: string;
  try {
    fileText = readFileSync(path.join(dir, file), 'utf8');
  } catch {
    throw new ContentError(`${name}: missing from ${dir}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fileText);
  } catch (err) {
    throw new ContentError(`${name}: not valid JSON (${(err as Error).message})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ContentError(result.error.issues.slice(0, 10).map((issue) => `${name}: ${issue.path.length ? issue.path.map(String).join('.') : '(top level)'}: ${issue.message}`).join('\n'));
  }
  for (const [section, spec] of Object.entries(tables)) {
    const problem = tableProblem(fileText, section, (result.data as Record<string, Record<string, unknown>>)[section] ?? {}, spec);
    if (problem !== undefined) throw new ContentError(`${name}: ${problem}`);
  }
  return result.data;
}

/** The content key of a locality's plain name: `localities.NY.l01`. */
export const localityNameKey = (state: string, number: string): string => `localities.${state}.l${number}`;

/**
 * Our plain name for each locality: its entry in localities.yaml, else (a state with one locality) the state's
 * name. A state with several localities and one of them unnamed, or a name for a locality that does not exist,
 * stops startup.
 */
function plainNames(rows: readonly (readonly [string, string, string, string, ...number[]])[], content: ContentStore): Map<string, string> {
  const perState = new Map<string, number>();
  for (const [state] of rows) perState.set(state, (perState.get(state) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const [state, number, , cmsName] of rows) {
    const key = localityNameKey(state, number);
    const name = content.has(key) ? content.text(key) : perState.get(state) === 1 ? US_STATES[state] : undefined;
    if (!name) throw new ContentError(`localities.yaml: no plain name for ${state}-${number} (${cmsName}) of ${MEDICARE_FOLDER}/${MEDICARE_FILES.gpci}: add ${key.slice('localities.'.length)}`);
    names.set(`${state}-${number}`, name);
  }
  const stale = content.keys().filter((k) => k.startsWith('localities.') && !names.has(k.slice('localities.'.length).replace('.l', '-')));
  if (stale.length > 0) throw new ContentError(`localities.yaml: ${stale.map((k) => k.slice('localities.'.length)).join(', ')}: no such locality in ${MEDICARE_FOLDER}/${MEDICARE_FILES.gpci}`);
  return names;
}

/** Reads and checks `<dataDir>/medicare/*.json`, once, at startup. */
/** The rows as the checks above have proven them to be. */
type PfsValues = [PricedStatus, string, number, number, number, number, string];
type GpciValues = [string, string, string, string, number, number, number];

export function loadMedicareData(dataDir: string, content: ContentStore): MedicareTables {
  const dir = path.join(dataDir, MEDICARE_FOLDER);
  const pfsFile = readJson(dir, MEDICARE_FILES.pfs, pfsSchema, { rows: PFS_ROWS, unpriced: PFS_UNPRICED });
  const gpciFile = readJson(dir, MEDICARE_FILES.gpci, gpciSchema, { localities: GPCI_ROWS });
  const clfsFile = readJson(dir, MEDICARE_FILES.clfs, clfsSchema, { rates: CLFS_RATES });
  const rows = keyed(pfsFile.rows as Record<string, PfsValues>, ([status, pctc, work, nonFacilityPe, facilityPe, mp, na]): PfsRow => ({
    status, pctc, work, nonFacilityPe, facilityPe, mp, naNonFacility: na.includes('N'), naFacility: na.includes('F'),
  }));
  const pfs: PfsTable = {
    label: pfsFile.label, year: pfsFile.year, release: pfsFile.release, conversionFactor: pfsFile.conversionFactor,
    rows, unpriced: keyed(pfsFile.unpriced as Record<string, string>, (status) => status),
  };
  const clfs: ClfsTable = { label: clfsFile.label, year: clfsFile.year, release: clfsFile.release, rates: keyed(clfsFile.rates as Record<string, number | null>, (cents) => cents) };
  const gpciRows = Object.values(gpciFile.localities as Record<string, GpciValues>);
  const names = plainNames(gpciRows, content);
  const localities: Locality[] = gpciRows.map(([state, number, mac, cmsName, work, pe, mp]) => ({
    id: `${state}-${number}`, state, number, mac, cmsName, plainName: names.get(`${state}-${number}`) ?? cmsName, gpci: { work, pe, mp },
  }));
  return { pfs, clfs, localities: localityTable(localities) };
}
