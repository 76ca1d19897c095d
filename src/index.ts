import path from 'node:path';
import { bundleChoice, loadBundle } from './launch/bundleLoader';

/**
 * The entry point (`npm start`, the tests and the bench run this file). It loads the server from the
 * one-file build in dist/app with V8's code cache when the build made one (see scripts/bundle.js and
 * src/launch/bundleLoader.ts): about a third less time from start to healthy. Otherwise (no bundle, a
 * bundle older than the compiled modules, or BUNDLE=off to debug with the original files) it loads the
 * compiled modules as usual; the `server.ready` log line says which.
 */
type MainModule = typeof import('./main');

const started = performance.now();
const appDir = path.join(__dirname, '..', 'app');
const choice = bundleChoice(appDir, path.join(__dirname, 'main.js'), process.env.BUNDLE);
if (choice === 'use') {
  const loaded = loadBundle<MainModule>(appDir);
  loaded.exports.run({ bundle: 'used', codeCache: loaded.codeCache, loadMs: Math.round(performance.now() - started) });
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const main = require('./main') as MainModule;
  main.run({ bundle: choice, codeCache: 'absent', loadMs: Math.round(performance.now() - started) });
}
