import { readPngHeader, readPngPixels } from './png';
import type { Manifest } from './manifestRules';
import { BOT_SCOPES, GUID, HAS_PLACEHOLDER, HEX_COLOR, HTTPS_URL, ICON_SIZES, PLACEHOLDER, SEMVER } from './manifestRules';

/** The checks Teams applies to an app package, as a list of problems (`path: message`). */
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
    // Teams sends and receives a bot's files in personal chat only: the flag means nothing without that scope.
    if (bot.supportsFiles === true && Array.isArray(scopes) && !scopes.includes('personal')) {
      problems.push(`${path}.supportsFiles: files work in personal chat only, and the bot has no personal scope`);
    }
    if (bot.supportsFiles === true && bot.isNotificationOnly === true) {
      problems.push(`${path}.supportsFiles: a notification-only bot cannot receive files`);
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
