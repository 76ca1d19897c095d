#!/usr/bin/env node
/**
 * Rebuilds content/data/hospitals/hospitals.csv from CMS's "Hospital General Information" file
 * (Provider Data Catalog dataset xubh-q36u, Hospital_General_Information.csv), or from the shared pack's
 * normalized copy of it (cms-hospitals/hospitals.csv):
 *
 *   npm run data:hospitals -- <csv> [--out <file>]
 *
 * Keeps only what the coach uses to find a hospital and call it (CCN, name, address, city, state, ZIP,
 * county, phone, hospital type, ownership) and derives `ownership_category` from the ownership
 * (see content/data/hospitals/PROVENANCE.md). Values are copied verbatim (whitespace-trimmed); rows are
 * sorted by CCN; UTF-8, LF, one header row, fields quoted only when they must be. The same input gives
 * the same bytes, so the committed file can be checked against its source's sha256.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const OUT_COLUMNS = ['ccn', 'name', 'address', 'city', 'state', 'zip', 'county', 'phone', 'hospital_type', 'ownership', 'ownership_category'];

/** Each output column and the headers it may have in the input: the shared pack's, CMS's 2024+ layout, CMS's older layout. */
const SOURCE_HEADERS = {
  ccn: ['ccn', 'Facility ID', 'Provider ID'],
  name: ['name', 'Facility Name', 'Hospital Name'],
  address: ['address', 'Address'],
  city: ['city', 'City/Town', 'City'],
  state: ['state', 'State'],
  zip: ['zip', 'ZIP Code'],
  county: ['county', 'County/Parish', 'County Name'],
  phone: ['phone', 'Telephone Number', 'Phone Number'],
  hospital_type: ['hospital_type', 'Hospital Type'],
  ownership: ['ownership', 'Hospital Ownership'],
};

/**
 * CMS's ownership values in four groups. "Physician" (physician-owned hospitals) are for-profit, so they
 * count as proprietary; a value CMS adds later is "unknown" until someone reads it.
 */
function ownershipCategory(ownership) {
  if (ownership.startsWith('Voluntary non-profit')) return 'nonprofit';
  if (ownership.startsWith('Government') || ownership === 'Department of Defense' || ownership === 'Veterans Health Administration') return 'government';
  if (ownership === 'Proprietary' || ownership === 'Physician') return 'proprietary';
  if (ownership === 'Tribal') return 'tribal';
  return 'unknown';
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. A BOM and CRLF are accepted. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const quote = (value) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The compact file's text from the source CSV's text. Throws naming the column or row that is wrong. */
function buildHospitalsCsv(sourceText) {
  const [header, ...rows] = parseCsv(sourceText);
  if (!header) throw new Error('the input is empty');
  const index = {};
  for (const [column, names] of Object.entries(SOURCE_HEADERS)) {
    const at = header.findIndex((h) => names.includes(h.trim()));
    if (at < 0) throw new Error(`no column for ${column} (looked for: ${names.join(', ')})`);
    index[column] = at;
  }
  const out = rows.map((row, i) => {
    if (row.length !== header.length) throw new Error(`row ${i + 2}: ${row.length} fields, the header has ${header.length}`);
    const record = {};
    for (const column of Object.keys(SOURCE_HEADERS)) record[column] = row[index[column]].trim();
    record.ownership_category = ownershipCategory(record.ownership);
    return record;
  });
  out.sort((a, b) => (a.ccn < b.ccn ? -1 : a.ccn > b.ccn ? 1 : 0));
  return [OUT_COLUMNS.join(','), ...out.map((r) => OUT_COLUMNS.map((c) => quote(r[c])).join(','))].join('\n') + '\n';
}

function main(argv) {
  const args = argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : path.join(__dirname, '..', 'content', 'data', 'hospitals', 'hospitals.csv');
  const input = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1))[0];
  if (!input || !out) {
    process.stderr.write('usage: npm run data:hospitals -- <Hospital_General_Information.csv> [--out <file>]\n');
    return 2;
  }
  const source = fs.readFileSync(input);
  let text;
  try {
    text = buildHospitalsCsv(source.toString('utf8'));
  } catch (err) {
    process.stderr.write(`${input}: ${err.message}\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
  const counts = {};
  for (const line of text.trimEnd().split('\n').slice(1)) {
    const category = line.slice(line.lastIndexOf(',') + 1);
    counts[category] = (counts[category] ?? 0) + 1;
  }
  process.stdout.write(`source ${input}\n  sha256 ${sha(source)}\nwrote ${out}\n  rows ${text.trimEnd().split('\n').length - 1}, ${Buffer.byteLength(text)} bytes\n  sha256 ${sha(text)}\n  ${JSON.stringify(counts)}\n`);
  return 0;
}

module.exports = { buildHospitalsCsv, parseCsv, ownershipCategory, OUT_COLUMNS };

if (require.main === module) process.exitCode = main(process.argv);
