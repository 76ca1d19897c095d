import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_FILE, loadBundle } from './launch/bundleLoader';

/**
 * The entry point (`npm start`, the tests and the bench run this file). It loads the server from the
 * one-file build in dist/app with V8's code cache when the build made one (see scripts/bundle.js and
 * src/launch/bundleLoader.ts): about a quarter less time from start to healthy. Without it (a plain
 * `tsc` build, or BUNDLE=off to debug with the original files) it loads the compiled modules as usual.
 */
type MainModule = typeof import('./main');

const started = performance.now();
const appDir = path.join(__dirname, '..', 'app');
if (process.env.BUNDLE !== 'off' && existsSync(path.join(appDir, BUNDLE_FILE))) {
  const loaded = loadBundle<MainModule>(appDir);
  loaded.exports.run({ bundle: 'used', codeCache: loaded.codeCache, loadMs: Math.round(performance.now() - started) });
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const main = require('./main') as MainModule;
  main.run({ bundle: 'absent', codeCache: 'absent', loadMs: Math.round(performance.now() - started) });
}
