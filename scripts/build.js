#!/usr/bin/env node
/**
 * The build: compile (tsc -p tsconfig.build.json), then bundle (scripts/bundle.js), into a fresh dist/.
 *
 *   node scripts/build.js              always builds (`npm run build`)
 *   node scripts/build.js --if-stale   builds only when dist/ is not the build of the files here now
 *                                      (`npm start`, `npm test`, `npm run teams:package`, `npm run bench`)
 *   node scripts/build.js --install    the same, for `npm ci`/`npm install` (prepare): a failed build is
 *                                      reported but does not fail the install (the dependencies are in
 *                                      place; `npm start` and `npm test` build again and fail there)
 *
 * What makes a build current: dist/.build-stamp.json, written as the last step of a build that finished,
 * holds a SHA-256 over every input (the files under src/, dialogs/ and content/, this script and
 * scripts/bundle.js, the tsconfig files, package.json and package-lock.json, and the Node.js version,
 * which the V8 code cache depends on)
 * and the size of every file the build wrote. The inputs are hashed before the build starts, so a file
 * changed while it runs makes the next check build again. Hashing reads ~2 MB and takes tens of ms;
 * content, not mtimes, so a fresh clone or a `git checkout` of the same files is still current.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const STAMP = path.join('dist', '.build-stamp.json');
const INPUT_DIRS = ['src', 'dialogs', 'content'];
/** The build's own scripts, not the others in scripts/ (a changed walkthrough needs no new build). */
const INPUT_FILES = ['scripts/build.js', 'scripts/bundle.js', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
/** What the build writes (dist/bench and other folders belong to other commands). */
const OUTPUT_DIRS = ['src', 'dialogs', 'app'];

/** Every file under `dir` (relative to `base`, forward slashes), sorted; none when the folder is missing. */
function filesUnder(base, dir) {
  const out = [];
  const walk = (rel) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(base, rel), { withFileTypes: true });
    } catch (err) {
      if (err.code === 'ENOENT') return;
      throw err;
    }
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

/** The hash of everything the build reads, in the project at `root`. */
function inputsHash(root) {
  const hash = crypto.createHash('sha256').update(`node ${process.version} ${process.arch}\0`);
  const files = [...INPUT_DIRS.flatMap((dir) => filesUnder(root, dir)), ...INPUT_FILES.filter((f) => fs.existsSync(path.join(root, f)))];
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(root, file))).update('\0');
  return { hash: hash.digest('hex'), count: files.length };
}

function outputSizes(root) {
  const dist = path.join(root, 'dist');
  const sizes = {};
  for (const file of OUTPUT_DIRS.flatMap((dir) => filesUnder(dist, dir))) sizes[file] = fs.statSync(path.join(dist, file)).size;
  return sizes;
}

/** Why dist/ is not the build of these inputs, or undefined when it is. */
function staleReason(root, inputs) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, STAMP), 'utf8'));
  } catch {
    return 'no finished build in dist/';
  }
  if (stamp.inputs !== inputs.hash) return 'sources changed since the last build';
  const now = outputSizes(root);
  const built = stamp.outputs ?? {};
  if (Object.keys(built).length === 0) return 'the last build recorded no files';
  for (const [file, size] of Object.entries(built)) {
    if (now[file] !== size) return `dist/${file} is missing or changed`;
  }
  return undefined;
}

/** Records that dist/ of `root` is the build of `inputs` (the last step of a build). */
function writeStamp(root, inputs) {
  const stamp = { inputs: inputs.hash, builtAt: new Date().toISOString(), outputs: outputSizes(root) };
  fs.writeFileSync(path.join(root, STAMP), `${JSON.stringify(stamp, null, 1)}\n`);
}

class BuildFailed extends Error {}

function run(args, label) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new BuildFailed(`${label} failed`);
}

function build(inputs) {
  fs.rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
  run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], 'tsc');
  run([path.join(__dirname, 'bundle.js')], 'bundle');
  writeStamp(ROOT, inputs);
}

function main(argv) {
  const atInstall = argv.includes('--install');
  const ifStale = atInstall || argv.includes('--if-stale');
  const started = Date.now();
  const inputs = inputsHash(ROOT);
  if (ifStale) {
    const reason = staleReason(ROOT, inputs);
    if (!reason) {
      process.stderr.write(`build: dist/ is current (${inputs.count} files checked in ${Date.now() - started} ms)\n`);
      return;
    }
    process.stderr.write(`build: building, ${reason}\n`);
  }
  try {
    build(inputs);
  } catch (err) {
    if (!(err instanceof BuildFailed)) throw err;
    process.stderr.write(`build: ${err.message}${atInstall ? '; the install itself is complete: fix the error, then npm start builds again' : ''}\n`);
    process.exitCode = atInstall ? 0 : 1;
    return;
  }
  process.stderr.write(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

module.exports = { inputsHash, staleReason, writeStamp };

if (require.main === module) main(process.argv.slice(2));
