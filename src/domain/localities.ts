/**
 * Medicare payment localities: the areas CMS prices the physician fee schedule in (109 for 2026). Pure data
 * shapes and look-ups; the tables are loaded and validated by src/content/medicareData.ts.
 */

/** Geographic practice cost indices, in thousandths as CMS prints them to 3 decimals (1.064 → 1064). */
export interface Gpci {
  work: number;
  pe: number;
  mp: number;
}

export interface Locality {
  /** `<state>-<locality number>`, e.g. "NY-01": locality numbers repeat across states, so both make the key. */
  id: string;
  /** The project's two-letter code (CMS's EK/WK and EM/WM are already KS and MO here). */
  state: string;
  /** CMS's locality number, as text ("00", "01", "99"). */
  number: string;
  /** The Medicare Administrative Contractor's number, as text ("15202"). */
  mac: string;
  /** The name as CMS prints it, footnote marks included ("REST OF NEW YORK", "ALASKA*"). */
  cmsName: string;
  /** Our plain-words name (content/en/localities.yaml): "New York City — Manhattan", "Rest of New York". */
  plainName: string;
  gpci: Gpci;
}

/** The localities and an index by state, built once at load (constant-time look-ups). */
export interface LocalityTable {
  byId: ReadonlyMap<string, Locality>;
  /** Each state's localities, the rest-of-state one last, the others in CMS order of name. */
  byState: ReadonlyMap<string, readonly Locality[]>;
}

export const localityId = (state: string, number: string): string => `${state}-${number}`;

/** CMS's name for the part of a state outside its named cities: "REST OF TEXAS". */
export const isRestOfState = (locality: Locality): boolean => /^REST OF /.test(locality.cmsName);

/** Builds the by-state index; each state's list puts the rest-of-state locality last (the "not sure" answer). */
export function localityTable(localities: readonly Locality[]): LocalityTable {
  const byId = new Map<string, Locality>();
  const byState = new Map<string, Locality[]>();
  for (const locality of localities) {
    byId.set(locality.id, locality);
    const list = byState.get(locality.state) ?? [];
    list.push(locality);
    byState.set(locality.state, list);
  }
  for (const list of byState.values()) {
    list.sort((a, b) => Number(isRestOfState(a)) - Number(isRestOfState(b)) || a.plainName.localeCompare(b.plainName, 'en'));
  }
  return { byId, byState };
}

/** The state's localities (one for most states, 29 for California); none for a code CMS does not price. */
export function localitiesForState(table: LocalityTable, state: string): readonly Locality[] {
  return table.byState.get(state.toUpperCase()) ?? [];
}

/**
 * The locality to use when she does not know hers: the only one in a single-locality state, else the state's
 * rest-of-state locality, with `assumed: true` so the bot says it used the rest of the state's figures.
 */
export type DefaultLocality = { locality: Locality; assumed: boolean };

export function defaultLocality(table: LocalityTable, state: string): DefaultLocality | undefined {
  const list = localitiesForState(table, state);
  if (list.length === 1 && list[0]) return { locality: list[0], assumed: false };
  const rest = list.filter(isRestOfState);
  // Every 2026 multi-locality state has exactly one (a test proves it); a table without one has no safe default.
  return rest.length === 1 && rest[0] ? { locality: rest[0], assumed: true } : undefined;
}

export function findLocality(table: LocalityTable, id: string): Locality | undefined {
  return table.byId.get(id);
}

/**
 * Where to price a case's bill: `known` (a state with one locality, or the one she already picked for this state),
 * `ask` (a state with several: she picks from `options`, rest-of-state last, or says "not sure"), or `none` (no
 * state yet, or one CMS does not price).
 */
export type AreaQuestion =
  | { kind: 'known'; locality: Locality; notSure: boolean }
  | { kind: 'ask'; options: readonly Locality[] }
  | { kind: 'none' };

export function areaQuestion(table: LocalityTable, state: string | undefined, chosen?: { state: string; locality: string; notSure?: boolean }): AreaQuestion {
  if (!state) return { kind: 'none' };
  const options = localitiesForState(table, state);
  const [only] = options;
  if (!only) return { kind: 'none' };
  if (options.length === 1) return { kind: 'known', locality: only, notSure: false };
  const picked = chosen && chosen.state === state ? findLocality(table, localityId(state, chosen.locality)) : undefined;
  return picked ? { kind: 'known', locality: picked, notSure: chosen?.notSure === true } : { kind: 'ask', options };
}
