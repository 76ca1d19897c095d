#!/usr/bin/env node
/**
 * The last step of `npm run build` (after tsc): bundles the compiled server into one file,
 * dist/app/main.js, and writes V8's code cache for it (dist/app/main.js.cache). dist/src/index.js
 * loads them (src/launch/bundleLoader.ts): starting the bot is mostly loading and compiling the SDK's
 * ~700 modules, and one pre-compiled file cuts start → healthy by about a third (~1.5 s → ~1 s).
 *
 * Left out of the bundle: better-sqlite3 (a native addon), @azure/storage-blob (loaded only when
 * STORAGE=azure-blob), dtrace-provider (restify's optional native probe) and tesseract.js (it starts its
 * worker thread from a file beside its own, found through its __dirname, and loads its wasm core there).
 * unpdf is not imported by the app's code: the PDF worker thread (src/ingest/pdfWorker.ts) loads it from
 * node_modules, where require.resolve finds it.
 */
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const appDir = path.join(root, 'dist', 'app');
const started = Date.now();

esbuild.buildSync({
  entryPoints: [path.join(root, 'dist', 'src', 'main.js')],
  outfile: path.join(appDir, 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', '@azure/storage-blob', 'dtrace-provider', 'tesseract.js'],
  // Smaller to read at start. Identifiers are not renamed: names stay as they are in logs, and esbuild's
  // keepNames (needed with renaming) wraps every function it creates, which costs CPU on every turn.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  sourcemap: 'linked',
  logLevel: 'error',
});

// Content files parsed now, so a start only checks their hashes (src/content/yamlCache.ts).
const { writeYamlCache, CONTENT_CACHE_FILE } = require(path.join(root, 'dist', 'src', 'content', 'yamlCache.js'));
const contentFiles = writeYamlCache(path.join(root, 'content'), path.join(appDir, CONTENT_CACHE_FILE));

// Run the bundle's module code once (it only defines things; nothing starts), then keep what V8 compiled.
const { loadBundle, writeCodeCache } = require(path.join(root, 'dist', 'src', 'launch', 'bundleLoader.js'));
const { script } = loadBundle(appDir);
const bytes = writeCodeCache(appDir, script);
process.stderr.write(`bundle: dist/app/main.js, its code cache (${Math.round(bytes / 1024)} KiB) and ${contentFiles} parsed content files in ${Date.now() - started} ms\n`);
process.exit(0);
