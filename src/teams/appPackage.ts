import { unzlibSync } from 'fflate';

/**
 * The Microsoft Teams app package: `manifest.json` + `color.png` + `outline.png` in one zip.
 * Pure functions only (no files, no environment): `packageCli.ts` does the reading and writing.
 * Limits follow the Teams app manifest schema (v1.22, https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema),
 * taking the stricter value where schema versions differ.
 */

/** The stand-in id of a draft package built without `MicrosoftAppId`. Teams cannot run a bot with it. */
export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

export const ICON_SIZES = { color: 192, outline: 32 } as const;

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

export type Manifest = Record<string, unknown>;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const ONLY_PLACEHOLDER = /^\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}$/;
const HAS_PLACEHOLDER = /\$\{\{/;
/** Placeholders that may stay unset: a list entry holding only one of them is dropped (validDomains without PUBLIC_URL). */
const OPTIONAL_IN_LISTS = new Set(['BOT_DOMAIN']);
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const HTTPS_URL = /^https:\/\/[^\s/]+/i;
const BOT_SCOPES = ['personal', 'team', 'groupChat'];

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

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function at(manifest: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), manifest);
}

function placeholdersLeft(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'string') {
    for (const match of value.matchAll(PLACEHOLDER)) out.push(`${path}: placeholder ${match[0]} was not filled in`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => placeholdersLeft(item, `${path}[${i}]`, out));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) placeholdersLeft(item, path ? `${path}.${key}` : key, out);
  }
}

/** A required text at `path`, no longer than `max` characters. */
function requireText(manifest: unknown, path: string, max: number, problems: string[]): string | undefined {
  const value = at(manifest, path);
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${path}: required`);
    return undefined;
  }
  if (value.length > max) problems.push(`${path}: ${value.length} characters, at most ${max} allowed`);
  return value;
}

function requireGuid(value: unknown, path: string, problems: string[]): void {
  if (typeof value !== 'string' || value === '') problems.push(`${path}: required`);
  else if (!HAS_PLACEHOLDER.test(value) && !GUID.test(value)) problems.push(`${path}: "${value}" is not a GUID (the Azure Bot's Microsoft App ID)`);
}

function checkBots(manifest: Manifest, problems: string[]): void {
  const bots = manifest.bots;
  if (!Array.isArray(bots) || bots.length === 0) {
    problems.push('bots: one bot required');
    return;
  }
  if (bots.length > 1) problems.push(`bots: ${bots.length} bots, at most 1 allowed`);
  bots.forEach((bot: unknown, i) => {
    const path = `bots[${i}]`;
    if (!isObject(bot)) {
      problems.push(`${path}: not an object`);
      return;
    }
    requireGuid(bot.botId, `${path}.botId`, problems);
    if (typeof manifest.id === 'string' && typeof bot.botId === 'string' && GUID.test(bot.botId) && bot.botId.toLowerCase() !== manifest.id.toLowerCase()) {
      problems.push(`${path}.botId: differs from id (this package uses the Microsoft App ID for both)`);
    }
    const scopes = bot.scopes;
    if (!Array.isArray(scopes) || scopes.length === 0) problems.push(`${path}.scopes: required`);
    else {
      for (const scope of scopes) if (!BOT_SCOPES.includes(scope as string)) problems.push(`${path}.scopes: "${String(scope)}" is not one of ${BOT_SCOPES.join(', ')}`);
      if (new Set(scopes).size !== scopes.length) problems.push(`${path}.scopes: listed twice`);
    }
    for (const flag of ['supportsFiles', 'isNotificationOnly'] as const) {
      if (bot[flag] !== undefined && typeof bot[flag] !== 'boolean') problems.push(`${path}.${flag}: must be true or false`);
    }
    const lists = bot.commandLists;
    if (lists === undefined) return;
    if (!Array.isArray(lists)) {
      problems.push(`${path}.commandLists: must be a list`);
      return;
    }
    if (lists.length > 3) problems.push(`${path}.commandLists: ${lists.length} lists, at most 3 allowed`);
    lists.forEach((list: unknown, j) => {
      const listPath = `${path}.commandLists[${j}]`;
      if (!isObject(list) || !Array.isArray(list.scopes) || !Array.isArray(list.commands)) {
        problems.push(`${listPath}: needs scopes and commands`);
        return;
      }
      for (const scope of list.scopes) {
        if (!Array.isArray(scopes) || !scopes.includes(scope)) problems.push(`${listPath}.scopes: "${String(scope)}" is not one of the bot's scopes`);
      }
      if (list.commands.length > 10) problems.push(`${listPath}.commands: ${list.commands.length} commands, at most 10 allowed`);
      list.commands.forEach((command: unknown, k) => {
        const commandPath = `${listPath}.commands[${k}]`;
        const title = isObject(command) ? command.title : undefined;
        const description = isObject(command) ? command.description : undefined;
        if (typeof title !== 'string' || title.trim() === '') problems.push(`${commandPath}.title: required`);
        else if (title.length > 32) problems.push(`${commandPath}.title: ${title.length} characters, at most 32 allowed`);
        if (typeof description !== 'string' || description.trim() === '') problems.push(`${commandPath}.description: required`);
        else if (description.length > 128) problems.push(`${commandPath}.description: ${description.length} characters, at most 128 allowed`);
      });
    });
  });
}

function checkValidDomains(manifest: Manifest, problems: string[]): void {
  const domains = manifest.validDomains;
  if (domains === undefined) return;
  if (!Array.isArray(domains)) {
    problems.push('validDomains: must be a list');
    return;
  }
  if (domains.length > 16) problems.push(`validDomains: ${domains.length} domains, at most 16 allowed`);
  domains.forEach((domain: unknown, i) => {
    if (typeof domain !== 'string' || domain.trim() === '') problems.push(`validDomains[${i}]: empty`);
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain) || domain.includes('/')) problems.push(`validDomains[${i}]: "${domain}" must be a host name only (no https://, no path)`);
    else if (/\s/.test(domain)) problems.push(`validDomains[${i}]: "${domain}" contains spaces`);
  });
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** Width, height and pixel format from a PNG's IHDR chunk, or undefined when it is not a PNG. */
export function readPngHeader(png: Buffer): PngInfo | undefined {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24], colorType: png[25], interlaced: png[28] !== 0 };
}

/**
 * The RGBA pixels of an 8-bit, non-interlaced RGBA (type 6) or grey+alpha (type 4) PNG, else undefined.
 * Enough to check that an outline icon is white on transparent.
 */
export function readPngPixels(png: Buffer): Uint8Array | undefined {
  const info = readPngHeader(png);
  if (!info || info.bitDepth !== 8 || info.interlaced || (info.colorType !== 6 && info.colorType !== 4)) return undefined;
  const channels = info.colorType === 6 ? 4 : 2;
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  let raw: Uint8Array;
  try {
    raw = unzlibSync(Buffer.concat(idat));
  } catch {
    return undefined;
  }
  const stride = info.width * channels;
  if (raw.length < (stride + 1) * info.height) return undefined;
  const pixels = new Uint8Array(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: return undefined;
      }
      pixels[out + x] = (row[x] + predictor) & 0xff;
    }
  }
  if (channels === 4) return pixels;
  const rgba = new Uint8Array(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) {
    rgba.set([pixels[i * 2], pixels[i * 2], pixels[i * 2], pixels[i * 2 + 1]], i * 4);
  }
  return rgba;
}

function checkIcons(manifest: Manifest, icons: { color: Buffer; outline: Buffer }, problems: string[]): void {
  for (const kind of ['color', 'outline'] as const) {
    const name = at(manifest, `icons.${kind}`);
    if (typeof name !== 'string' || name.trim() === '') problems.push(`icons.${kind}: required`);
    else if (!/^[^/\\]+\.png$/i.test(name)) problems.push(`icons.${kind}: "${name}" must be a .png file at the top of the package`);
    const size = ICON_SIZES[kind];
    const info = readPngHeader(icons[kind]);
    if (!info) {
      problems.push(`${kind}.png: not a PNG file`);
      continue;
    }
    if (info.width !== size || info.height !== size) problems.push(`${kind}.png: ${info.width}×${info.height}, must be ${size}×${size}`);
  }
  const outline = readPngHeader(icons.outline);
  if (!outline) return;
  const pixels = readPngPixels(icons.outline);
  if (!pixels) {
    problems.push('outline.png: must be an 8-bit PNG with transparency (RGBA), white on transparent');
    return;
  }
  let coloured = 0;
  let opaque = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] === 0) continue;
    opaque++;
    if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) coloured++;
  }
  if (coloured > 0) problems.push(`outline.png: ${coloured} pixels are not white (only white and transparent allowed)`);
  if (opaque === pixels.length / 4) problems.push('outline.png: no transparent pixels (the background must be transparent)');
  if (opaque === 0) problems.push('outline.png: fully transparent (no white mark)');
}

/** Every problem Teams would reject (or mis-show) the package for; empty when it is ready to zip. */
export function checkManifest(manifest: unknown, icons: { color: Buffer; outline: Buffer }): string[] {
  const problems: string[] = [];
  if (!isObject(manifest)) return ['manifest: not a JSON object'];

  placeholdersLeft(manifest, '', problems);

  const manifestVersion = requireText(manifest, 'manifestVersion', 16, problems);
  const schema = manifest.$schema;
  if (typeof schema === 'string' && manifestVersion && !schema.includes(`/v${manifestVersion}/`)) {
    problems.push(`$schema: "${schema}" does not match manifestVersion ${manifestVersion}`);
  }
  const version = requireText(manifest, 'version', 256, problems);
  if (version && !HAS_PLACEHOLDER.test(version) && !SEMVER.test(version)) problems.push(`version: "${version}" must be three numbers such as 1.0.0`);
  requireGuid(manifest.id, 'id', problems);

  requireText(manifest, 'developer.name', 32, problems);
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    const url = requireText(manifest, `developer.${key}`, 2048, problems);
    if (url && !HAS_PLACEHOLDER.test(url) && !HTTPS_URL.test(url)) problems.push(`developer.${key}: "${url}" must be an https:// address`);
  }
  requireText(manifest, 'name.short', 30, problems);
  requireText(manifest, 'name.full', 100, problems);
  requireText(manifest, 'description.short', 80, problems);
  requireText(manifest, 'description.full', 4000, problems);
  const accent = requireText(manifest, 'accentColor', 7, problems);
  if (accent && !HEX_COLOR.test(accent)) problems.push(`accentColor: "${accent}" must be a hex color such as #1f6f54`);

  checkBots(manifest, problems);
  checkValidDomains(manifest, problems);
  checkIcons(manifest, icons, problems);
  return problems;
}
