import { PLACEHOLDER } from './manifestRules';

export { BOT_SCOPES, GUID, HAS_PLACEHOLDER, HEX_COLOR, HTTPS_URL, ICON_SIZES, PLACEHOLDER, SEMVER, ZERO_GUID } from './manifestRules';

/**
 * The Microsoft Teams app package: `manifest.json` + `color.png` + `outline.png` in one zip.
 * Pure functions only (no files, no environment): `packageCli.ts` does the reading and writing.
 * Limits follow the Teams app manifest schema (v1.22, https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema),
 * taking the stricter value where schema versions differ.
 */



export interface ManifestSettings {
  /** The Azure Bot's Microsoft App ID: used as the Teams app id and the bot id. */
  appId: string;
  /** The bot's public address; its host name (without port) is the valid domain. */
  publicUrl?: string;
  /** The Teams app version, x.y.z; raise it for every upload of a changed package. */
  version: string;
  /** The developer links shown in the Teams app store; each defaults to the one before it, then to `publicUrl`. */
  websiteUrl?: string;
  privacyUrl?: string;
  termsOfUseUrl?: string;
}

export type { Manifest } from './manifestRules';
import type { Manifest } from './manifestRules';

const ONLY_PLACEHOLDER = /^\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}$/;
/** Placeholders that may stay unset: a list entry holding only one of them is dropped (validDomains without PUBLIC_URL). */
const OPTIONAL_IN_LISTS = new Set(['BOT_DOMAIN']);

/** The placeholder values for these settings; a missing value leaves its placeholder in place (and the check reports it). */
function placeholderValues(settings: ManifestSettings): Record<string, string | undefined> {
  const websiteUrl = settings.websiteUrl ?? settings.publicUrl;
  const privacyUrl = settings.privacyUrl ?? websiteUrl;
  let domain: string | undefined;
  if (settings.publicUrl) {
    try {
      domain = new URL(settings.publicUrl).hostname || undefined;
    } catch {
      domain = undefined;
    }
  }
  return {
    APP_ID: settings.appId,
    BOT_ID: settings.appId,
    TEAMS_APP_VERSION: settings.version,
    BOT_DOMAIN: domain,
    WEBSITE_URL: websiteUrl,
    PRIVACY_URL: privacyUrl,
    TERMS_URL: settings.termsOfUseUrl ?? privacyUrl,
  };
}

function fill(value: unknown, values: Record<string, string | undefined>): unknown {
  if (typeof value === 'string') return value.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
  if (Array.isArray(value)) {
    return value
      .filter((item) => {
        const name = typeof item === 'string' ? ONLY_PLACEHOLDER.exec(item)?.[1] : undefined;
        return !(name && OPTIONAL_IN_LISTS.has(name) && values[name] === undefined);
      })
      .map((item) => fill(item, values));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values)]));
  }
  return value;
}

/** The manifest from the template text, with every `${{NAME}}` placeholder the settings provide filled in. */
export function buildManifest(template: string, settings: ManifestSettings): Manifest {
  const parsed: unknown = JSON.parse(template);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('The manifest template is not a JSON object');
  return fill(parsed, placeholderValues(settings)) as Manifest;
}

// ---------------------------------------------------------------------------------------------------
// Checking

export { checkManifest } from './manifestChecks';
export { readPngHeader, readPngPixels } from './png';
