#!/usr/bin/env node
/**
 * Rebuilds the Medicare price tables the coach ships (content/data/medicare/*.json) from CMS's yearly files,
 * in the normalized CSV layout of the project's data pack (one header row, UTF-8, LF; see
 * content/data/medicare/PROVENANCE.md for the columns):
 *
 *   npm run data:prices -- <RVU csv> <GPCI csv> <CLFS csv> [<NA flags csv>] [--out <dir>]
 *                          [--year 2026] [--pfs-release jul] [--clfs-quarter 2]
 *
 * The year, the PFS release (jan/apr/jul/oct → RVU26A/B/C/D) and the CLFS quarter are read from the file names
 * (rvu-2026-jul.csv, gpci-2026.csv, clfs-2026-q2.csv) unless given. The output is deterministic: rows sorted by
 * key, one row a line, fixed formatting, the input files' sha256 recorded; the same inputs give the same bytes.
 * Nothing here is read at run time: the bot loads the JSON (src/content/medicareData.ts).
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const FILES = { pfs: 'pfs-rvu.json', gpci: 'gpci.json', clfs: 'clfs.json' };
const PRICED = new Set(['A', 'R', 'T']);
const MONTHS = { jan: ['A', 'January'], apr: ['B', 'April'], jul: ['C', 'July'], oct: ['D', 'October'] };
const QUARTER_WORDS = { 1: '1st quarter', 2: '2nd quarter', 3: '3rd quarter', 4: '4th quarter' };
/** CMS's ZIP-locality files split Kansas and Missouri by contractor region; the project knows KS and MO. */
const STATE_ALIASES = { EK: 'KS', WK: 'KS', EM: 'MO', WM: 'MO' };

class ImportError extends Error {}

/** RFC 4180 CSV: quoted fields (with "" for a quote), LF or CRLF. Returns rows of strings. */
function parseCsv(text, file) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i += 1; continue;
      }
      field += ch; i += 1; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i += 1; continue; }
    if (ch === ',') { row.push(field); field = ''; i += 1; continue; }
    if (ch === '\n' || ch === '\r') {
      row.push(field); field = '';
      rows.push(row); row = [];
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch; i += 1;
  }
  if (quoted) throw new ImportError(`${file}: a quoted field is not closed`);
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** The rows as objects over the named columns (all required), each with its line number. */
function table(text, file, columns) {
  const [header, ...rows] = parseCsv(text, file);
  if (!header) throw new ImportError(`${file}: empty`);
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new ImportError(`${file}: missing column(s) ${missing.join(', ')} (header: ${header.join(',')})`);
  const at = Object.fromEntries(columns.map((c) => [c, names.indexOf(c)]));
  return rows
    .map((cells, index) => ({ cells, line: index + 2 }))
    .filter(({ cells }) => !(cells.length === 1 && cells[0].trim() === ''))
    .map(({ cells, line }) => {
      if (cells.length !== header.length) throw new ImportError(`${file}: line ${line}: ${cells.length} fields, the header has ${header.length}`);
      const record = { line };
      for (const c of columns) record[c] = cells[at[c]].trim();
      return record;
    });
}

/** "1.30" → 130 for `decimals` 2: exact, no floating point. */
function scaled(value, decimals, file, line, column) {
  const match = new RegExp(`^(\\d+)\\.(\\d{${decimals}})$`).exec(value);
  if (!match) throw new ImportError(`${file}: line ${line}: ${column} "${value}" is not a number with ${decimals} decimals`);
  const n = Number(match[1] + match[2]);
  if (!Number.isSafeInteger(n)) throw new ImportError(`${file}: line ${line}: ${column} "${value}" is too large`);
  return n;
}

const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');
const CODE = /^[0-9A-Z]{5}$/;

function checkCode(code, file, line) {
  if (!CODE.test(code)) throw new ImportError(`${file}: line ${line}: "${code}" is not a 5-character HCPCS/CPT code`);
}

/** `{ key: value }` with one entry a line, keys sorted (code points), values compact JSON. */
function objectLines(entries, indent) {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 0) return '{}';
  const pad = ' '.repeat(indent);
  return `{\n${sorted.map(([k, v]) => `${pad}  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n${pad}}`;
}

/** A document: the header fields one a line, then the big tables one entry a line. */
function documentText(header, tables) {
  const lines = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  for (const [k, entries] of Object.entries(tables)) lines.push(`  ${JSON.stringify(k)}: ${objectLines(entries, 2)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function inferRelease(names, options) {
  const rvu = /(\d{4})-(jan|apr|jul|oct)/i.exec(path.basename(names.rvu)) ?? [];
  const clfs = /(\d{4})-q([1-4])/i.exec(path.basename(names.clfs)) ?? [];
  const year = Number(options.year ?? rvu[1] ?? clfs[1]);
  const month = String(options.pfsRelease ?? rvu[2] ?? '').toLowerCase();
  const quarter = Number(options.clfsQuarter ?? clfs[2]);
  if (!Number.isInteger(year) || year < 2000 || year > 2200) throw new ImportError(`the year is not in the file names: give --year`);
  if (!MONTHS[month]) throw new ImportError(`the PFS release (jan, apr, jul or oct) is not in the RVU file's name: give --pfs-release`);
  if (!QUARTER_WORDS[quarter]) throw new ImportError(`the CLFS quarter is not in its file's name: give --clfs-quarter`);
  return { year, month, quarter };
}

/**
 * The shipped files' texts from the raw files' texts. `names` are the raw files' paths (their base names and
 * sha256 are recorded; the release is read from them unless `options` says it).
 */
function buildPriceFiles(texts, names, options = {}) {
  const { year, month, quarter } = inferRelease(names, options);
  const [letter, monthName] = MONTHS[month];
  const base = (p) => path.basename(p);
  const input = (key) => ({ file: base(names[key]), sha256: sha256(texts[key]) });

  // --- PFS RVUs, with the NA flags joined ---
  const rvuFile = base(names.rvu);
  const rvuRows = table(texts.rvu, rvuFile, ['hcpcs', 'modifier', 'status', 'work_rvu', 'nonfacility_pe_rvu', 'facility_pe_rvu', 'mp_rvu', 'pctc', 'conversion_factor']);
  const na = new Map();
  if (texts.naFlags !== undefined) {
    const naFile = base(names.naFlags);
    for (const r of table(texts.naFlags, naFile, ['hcpcs', 'modifier', 'status', 'nonfacility_na', 'facility_na'])) {
      const key = r.modifier ? `${r.hcpcs}-${r.modifier}` : r.hcpcs;
      for (const c of ['nonfacility_na', 'facility_na']) {
        if (r[c] !== '' && r[c] !== 'NA') throw new ImportError(`${naFile}: line ${r.line}: ${c} "${r[c]}" is neither NA nor blank`);
      }
      if (na.has(key)) throw new ImportError(`${naFile}: line ${r.line}: ${key} appears twice`);
      na.set(key, { status: r.status, line: r.line, flag: (r.nonfacility_na === 'NA' ? 'N' : '') + (r.facility_na === 'NA' ? 'F' : '') });
    }
  }
  let conversionFactor;
  const priced = new Map();
  const unpriced = new Map();
  for (const r of rvuRows) {
    checkCode(r.hcpcs, rvuFile, r.line);
    if (r.modifier !== '' && r.modifier !== '26' && r.modifier !== 'TC') continue; // 53 (discontinued): not priced here
    const key = r.modifier ? `${r.hcpcs}-${r.modifier}` : r.hcpcs;
    if (priced.has(key) || unpriced.has(key)) throw new ImportError(`${rvuFile}: line ${r.line}: ${key} appears twice`);
    if (!/^[A-Z]$/.test(r.status)) throw new ImportError(`${rvuFile}: line ${r.line}: status "${r.status}" is not a CMS status letter`);
    const cf = scaled(r.conversion_factor, 4, rvuFile, r.line, 'conversion_factor');
    if (conversionFactor === undefined) conversionFactor = cf;
    else if (cf !== conversionFactor) throw new ImportError(`${rvuFile}: line ${r.line}: conversion factor ${r.conversion_factor} differs from the first row's`);
    const flags = na.get(key);
    if (flags && flags.status !== r.status) throw new ImportError(`${base(names.naFlags)}: line ${flags.line}: ${key} has status ${flags.status}, the RVU file says ${r.status}`);
    if (!PRICED.has(r.status)) {
      unpriced.set(key, r.status);
      continue;
    }
    if (!/^\d$/.test(r.pctc)) throw new ImportError(`${rvuFile}: line ${r.line}: pctc "${r.pctc}" is not one digit`);
    priced.set(key, [
      r.status, r.pctc,
      scaled(r.work_rvu, 2, rvuFile, r.line, 'work_rvu'),
      scaled(r.nonfacility_pe_rvu, 2, rvuFile, r.line, 'nonfacility_pe_rvu'),
      scaled(r.facility_pe_rvu, 2, rvuFile, r.line, 'facility_pe_rvu'),
      scaled(r.mp_rvu, 2, rvuFile, r.line, 'mp_rvu'),
      flags ? flags.flag : '',
    ]);
  }
  for (const [key, flags] of na) {
    if (!priced.has(key) && !unpriced.has(key) && !/-53$/.test(key)) throw new ImportError(`${base(names.naFlags)}: line ${flags.line}: ${key} is not in ${rvuFile}`);
  }
  if (conversionFactor === undefined) throw new ImportError(`${rvuFile}: no rows`);
  const pfs = documentText(
    {
      label: `Medicare Physician Fee Schedule ${year} (${monthName} release)`,
      year,
      release: `RVU${String(year).slice(2)}${letter}`,
      input: texts.naFlags !== undefined ? [input('rvu'), input('naFlags')] : [input('rvu')],
      units: 'RVUs in hundredths (1.30 is 130); conversionFactor in ten-thousandths of a dollar (33.4009 is 334009)',
      conversionFactor,
      columns: ['status', 'pctc', 'work', 'nonFacilityPe', 'facilityPe', 'mp', 'na'],
      na: 'N: not paid in a non-facility setting; F: not paid in a facility; NF: neither',
    },
    { rows: priced, unpriced },
  );

  // --- GPCIs by locality ---
  const gpciFile = base(names.gpci);
  const localities = new Map();
  for (const r of table(texts.gpci, gpciFile, ['mac', 'state', 'locality_number', 'locality_name', 'pw_gpci', 'pe_gpci', 'mp_gpci'])) {
    const state = STATE_ALIASES[r.state] ?? r.state;
    if (!/^[A-Z]{2}$/.test(state)) throw new ImportError(`${gpciFile}: line ${r.line}: state "${r.state}" is not a two-letter code`);
    if (!/^\d{2}$/.test(r.locality_number)) throw new ImportError(`${gpciFile}: line ${r.line}: locality number "${r.locality_number}" is not two digits`);
    if (!/^\d{5}$/.test(r.mac)) throw new ImportError(`${gpciFile}: line ${r.line}: MAC "${r.mac}" is not five digits`);
    if (r.locality_name === '') throw new ImportError(`${gpciFile}: line ${r.line}: no locality name`);
    const id = `${state}-${r.locality_number}`;
    if (localities.has(id)) throw new ImportError(`${gpciFile}: line ${r.line}: locality ${id} appears twice`);
    localities.set(id, [
      state, r.locality_number, r.mac, r.locality_name,
      scaled(r.pw_gpci, 3, gpciFile, r.line, 'pw_gpci'),
      scaled(r.pe_gpci, 3, gpciFile, r.line, 'pe_gpci'),
      scaled(r.mp_gpci, 3, gpciFile, r.line, 'mp_gpci'),
    ]);
  }
  const gpci = documentText(
    {
      label: `Medicare geographic practice cost indices ${year}`,
      year,
      release: `GPCI${year}`,
      input: [input('gpci')],
      units: 'GPCIs in thousandths (1.064 is 1064)',
      columns: ['state', 'number', 'mac', 'cmsName', 'work', 'pe', 'mp'],
    },
    { localities },
  );

  // --- Clinical lab fee schedule ---
  const clfsFile = base(names.clfs);
  const rates = new Map();
  const qw = [];
  for (const r of table(texts.clfs, clfsFile, ['year', 'hcpcs', 'modifier', 'indicator', 'rate'])) {
    checkCode(r.hcpcs, clfsFile, r.line);
    if (Number(r.year) !== year) throw new ImportError(`${clfsFile}: line ${r.line}: year ${r.year}, expected ${year}`);
    if (r.indicator !== 'N' && r.indicator !== 'L') throw new ImportError(`${clfsFile}: line ${r.line}: indicator "${r.indicator}" is neither N nor L`);
    if (r.modifier !== '' && !/^[0-9A-Z]{2}$/.test(r.modifier)) throw new ImportError(`${clfsFile}: line ${r.line}: modifier "${r.modifier}"`);
    const cents = scaled(r.rate, 2, clfsFile, r.line, 'rate');
    const value = r.indicator === 'L' ? null : cents;
    if (r.modifier === 'QW') { qw.push({ code: r.hcpcs, value, line: r.line }); continue; }
    const key = r.modifier ? `${r.hcpcs}-${r.modifier}` : r.hcpcs;
    if (rates.has(key)) throw new ImportError(`${clfsFile}: line ${r.line}: ${key} appears twice`);
    rates.set(key, value);
  }
  // A QW row (the CLIA-waived version) is kept only when its rate differs from the code's own.
  for (const { code, value, line } of qw) {
    if (rates.get(code) === value) continue;
    if (rates.has(`${code}-QW`)) throw new ImportError(`${clfsFile}: line ${line}: ${code}-QW appears twice`);
    rates.set(`${code}-QW`, value);
  }
  const clfs = documentText(
    {
      label: `Medicare Clinical Laboratory Fee Schedule ${year} (${QUARTER_WORDS[quarter]})`,
      year,
      release: `CLFS ${year} Q${quarter}`,
      input: [input('clfs')],
      units: 'national limitation amount in cents; null: priced by the Medicare contractor (indicator L)',
    },
    { rates },
  );
  return { [FILES.pfs]: pfs, [FILES.gpci]: gpci, [FILES.clfs]: clfs };
}

function parseArgs(argv) {
  const positional = [];
  const options = {};
  const flags = { '--out': 'out', '--year': 'year', '--pfs-release': 'pfsRelease', '--clfs-quarter': 'clfsQuarter' };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s);
    if (flags[name]) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ImportError(`${name} needs a value`);
      options[flags[name]] = value;
    } else if (argv[i].startsWith('--')) throw new ImportError(`unknown option ${argv[i]}`);
    else positional.push(argv[i]);
  }
  if (positional.length < 3 || positional.length > 4) {
    throw new ImportError('usage: npm run data:prices -- <RVU csv> <GPCI csv> <CLFS csv> [<NA flags csv>] [--out <dir>] [--year Y] [--pfs-release jan|apr|jul|oct] [--clfs-quarter 1-4]');
  }
  const [rvu, gpci, clfs, naFlags] = positional;
  return { names: { rvu, gpci, clfs, ...(naFlags ? { naFlags } : {}) }, options };
}

function main(argv) {
  const { names, options } = parseArgs(argv);
  const texts = {};
  for (const [key, file] of Object.entries(names)) {
    try {
      texts[key] = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new ImportError(`${file}: cannot read (${err.code ?? err.message})`);
    }
  }
  const files = buildPriceFiles(texts, names, options);
  const out = path.resolve(options.out ?? path.join(__dirname, '..', 'content', 'data', 'medicare'));
  fs.mkdirSync(out, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(out, file), text);
    process.stdout.write(`${sha256(text)}  ${path.join(out, file)} (${Buffer.byteLength(text)} bytes)\n`);
  }
  process.stdout.write('Update the sha256 table in content/data/medicare/PROVENANCE.md with the lines above.\n');
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    process.stderr.write(`data:prices: ${err.message}\n`);
    process.exit(1);
  }
}

module.exports = { buildPriceFiles, parseCsv, ImportError, FILES };
