import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { ConfigError, loadDotEnv } from '../config';
import { projectRoot } from '../projectRoot';
import { ManifestSettings, ZERO_GUID, buildManifest, checkManifest } from './appPackage';
import { PackageEnv, readPackageEnv } from './packageSettings';

/**
 * `npm run teams:package`: builds the Microsoft Teams app package (manifest.json, color.png, outline.png)
 * from `appPackage/manifest.template.json` and the bot's settings (environment, then `.env`).
 *
 *   node dist/src/teams/packageCli.js [--out <folder>]
 *
 * Settings read: MicrosoftAppId (app id and bot id), PUBLIC_URL (valid domain and, by default, the developer
 * links), TEAMS_APP_VERSION (default 1.0.0), and optionally TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL.
 * Nothing else: not MicrosoftAppPassword (the package never holds a secret), not the bot's other settings.
 */

export const PACKAGE_FILE = 'bill-coach-teams.zip';
/** Developer links of a draft package built without PUBLIC_URL: valid for the check, useless in a store listing. */
const DRAFT_URL = 'https://localhost';
/** Fixed file times make the same inputs give the same zip, byte for byte. */
const ZIP_MTIME = new Date(2020, 0, 1); // local time: zip entries store local time, so every time zone writes the same bytes

const USAGE = 'Usage: node dist/src/teams/packageCli.js [--out <folder>]\n';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function envText(env: NodeJS.ProcessEnv, key: string): string | undefined {
  const value = env[key]?.trim();
  return value ? value : undefined;
}

function parseArgs(argv: string[]): { outDir?: string; help: boolean } | string {
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--out') {
      outDir = argv[++i];
      if (!outDir) return '--out needs a folder';
    } else if (arg.startsWith('--out=')) outDir = arg.slice('--out='.length);
    else return `unknown argument "${arg}"`;
  }
  return { outDir, help: false };
}

/** Runs the packaging; returns the process exit code. */
export function main(argv: string[], env: NodeJS.ProcessEnv = process.env): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    err(`${args}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  let config: PackageEnv;
  try {
    config = readPackageEnv(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`${e.message}\nSee .env.example for every setting and its default.`);
      return 1;
    }
    throw e;
  }

  const root = projectRoot();
  const sourceDir = path.join(root, 'appPackage');
  const outDir = path.resolve(root, args.outDir ?? path.join('appPackage', 'build'));

  const appId = config.appId;
  if (!appId) err(`warning: MicrosoftAppId is empty, so this is a draft with the all-zero id ${ZERO_GUID}: set MicrosoftAppId before uploading to Teams.`);
  const websiteUrl = envText(env, 'TEAMS_WEBSITE_URL');
  const links = websiteUrl ?? config.publicUrl;
  if (!config.publicUrl) err('warning: PUBLIC_URL is empty, so validDomains is empty: set PUBLIC_URL to the bot\'s https address before uploading to Teams.');
  if (!links) err(`warning: no developer links (PUBLIC_URL or TEAMS_WEBSITE_URL), so they point to ${DRAFT_URL}: set them before uploading to Teams.`);
  const settings: ManifestSettings = {
    appId: appId || ZERO_GUID,
    publicUrl: config.publicUrl,
    version: envText(env, 'TEAMS_APP_VERSION') ?? '1.0.0',
    websiteUrl: links ? websiteUrl : DRAFT_URL,
    privacyUrl: envText(env, 'TEAMS_PRIVACY_URL'),
    termsOfUseUrl: envText(env, 'TEAMS_TERMS_URL'),
  };

  let template: string;
  let icons: { color: Buffer; outline: Buffer };
  try {
    template = fs.readFileSync(path.join(sourceDir, 'manifest.template.json'), 'utf8');
    icons = { color: fs.readFileSync(path.join(sourceDir, 'color.png')), outline: fs.readFileSync(path.join(sourceDir, 'outline.png')) };
  } catch (e) {
    err(`Teams package not built: ${(e as Error).message}`);
    return 1;
  }

  let manifest;
  try {
    manifest = buildManifest(template, settings);
  } catch (e) {
    err(`Teams package not built: appPackage/manifest.template.json: ${(e as Error).message}`);
    return 1;
  }
  const problems = checkManifest(manifest, icons);
  if (problems.length > 0) {
    err(`Teams package not built: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
    for (const problem of problems) err(`  - ${problem}`);
    return 1;
  }

  const zip = zipSync(
    {
      'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      'color.png': new Uint8Array(icons.color),
      'outline.png': new Uint8Array(icons.outline),
    },
    { level: 9, mtime: ZIP_MTIME },
  );
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, PACKAGE_FILE);
  fs.writeFileSync(file, zip);
  out(`Teams app package: ${file} (${zip.length} bytes; app id ${settings.appId}, version ${settings.version})`);
  return 0;
}

if (require.main === module) {
  loadDotEnv();
  process.exitCode = main(process.argv.slice(2));
}
