import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync, zlibSync } from 'fflate';
import { parse } from 'yaml';
import { ConfigError } from '../../src/config';
import { Manifest, ZERO_GUID, buildManifest, checkManifest, readPngHeader, readPngPixels } from '../../src/teams/appPackage';
import { readPackageEnv } from '../../src/teams/packageSettings';

const ROOT = path.join(__dirname, '..', '..');
const APP_PACKAGE = path.join(ROOT, 'appPackage');
const CLI = path.join(ROOT, 'dist', 'src', 'teams', 'packageCli.js');
const TEMPLATE = fs.readFileSync(path.join(APP_PACKAGE, 'manifest.template.json'), 'utf8');
const ICONS = {
  color: fs.readFileSync(path.join(APP_PACKAGE, 'color.png')),
  outline: fs.readFileSync(path.join(APP_PACKAGE, 'outline.png')),
};
const APP_ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SETTINGS = { appId: APP_ID, publicUrl: 'https://bot.example.org', version: '1.0.0' };

const clone = (m: Manifest): any => JSON.parse(JSON.stringify(m));

/** A minimal RGBA PNG (filter 0 rows) of one colour, for icon problems. */
function png(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgba).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from(zlibSync(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('Teams app manifest', () => {
  it('builds from the real template with a sample GUID and passes the check', () => {
    const manifest = buildManifest(TEMPLATE, SETTINGS) as any;
    expect(checkManifest(manifest, ICONS)).toEqual([]);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.version).toBe('1.0.0');
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    expect(manifest.developer.privacyUrl).toBe('https://bot.example.org');
    expect(manifest.accentColor).toBe('#1f6f54');
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('declares a v1.19+ schema, the three bot scopes, files (read in personal chat, issue 24) and no notification-only mode', () => {
    const manifest = buildManifest(TEMPLATE, SETTINGS) as any;
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
    expect(major === 1 && minor >= 19).toBe(true);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifest.bots[0]).toMatchObject({ scopes: ['personal', 'team', 'groupChat'], supportsFiles: true, isNotificationOnly: false });
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('uses the product name and tagline of content/en/web.yaml', () => {
    const web = parse(fs.readFileSync(path.join(ROOT, 'content', 'en', 'web.yaml'), 'utf8')) as { title: string; tagline: string };
    const manifest = buildManifest(TEMPLATE, SETTINGS) as any;
    expect(manifest.name.short).toBe(web.title);
    expect(manifest.description.short).toBe(web.tagline);
    expect(manifest.name.full).toContain(web.title);
  });

  it('lists commands the bot understands: help, menu, my case, ask a question, delete my data', () => {
    const manifest = buildManifest(TEMPLATE, SETTINGS) as any;
    const personal = manifest.bots[0].commandLists.find((l: { scopes: string[] }) => l.scopes.includes('personal'));
    expect(personal.commands.map((c: { title: string }) => c.title)).toEqual(['help', 'menu', 'my case', 'ask a question', 'delete my data']);
    const commands = parse(fs.readFileSync(path.join(ROOT, 'content', 'en', 'commands.yaml'), 'utf8')) as Record<string, string[]>;
    const menu = fs.readFileSync(path.join(ROOT, 'content', 'en', 'menu.yaml'), 'utf8');
    expect(commands.help).toContain('help');
    expect(commands.menu).toContain('menu');
    expect(commands.myCase).toContain('my case');
    expect(commands.deleteData).toContain('delete my data');
    expect(menu).toContain('ask a question');
  });

  it('fills the version and drops the valid domain when there is no public URL', () => {
    const manifest = buildManifest(TEMPLATE, { appId: APP_ID, version: '2.3.4', websiteUrl: 'https://example.org' }) as any;
    expect(manifest.version).toBe('2.3.4');
    expect(manifest.validDomains).toEqual([]);
    expect(manifest.developer.termsOfUseUrl).toBe('https://example.org');
    expect(checkManifest(manifest, ICONS)).toEqual([]);
  });

  it('accepts the all-zero GUID of a draft package', () => {
    expect(checkManifest(buildManifest(TEMPLATE, { ...SETTINGS, appId: ZERO_GUID }), ICONS)).toEqual([]);
  });
});

describe('Teams app icons', () => {
  it('color.png is 192×192 and outline.png is 32×32, white on transparent', () => {
    expect(readPngHeader(ICONS.color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(ICONS.outline)).toMatchObject({ width: 32, height: 32 });
    const pixels = readPngPixels(ICONS.outline)!;
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) transparent++;
      else if (pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255) white++;
    }
    expect(white + transparent).toBe(32 * 32);
    expect(white).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(100);
    expect(ICONS.color.length + ICONS.outline.length).toBeLessThan(20_000);
  });
});

describe('Teams manifest problems', () => {
  const good = () => clone(buildManifest(TEMPLATE, SETTINGS));

  it('reports a short description over 80 characters', () => {
    const manifest = good();
    manifest.description.short = 'x'.repeat(81);
    expect(checkManifest(manifest, ICONS)).toEqual(['description.short: 81 characters, at most 80 allowed']);
  });

  it('reports ids that are not GUIDs', () => {
    const manifest = clone(buildManifest(TEMPLATE, { ...SETTINGS, appId: 'my-bot' }));
    const problems = checkManifest(manifest, ICONS);
    expect(problems).toContain('id: "my-bot" is not a GUID (the Azure Bot\'s Microsoft App ID)');
    expect(problems).toContain('bots[0].botId: "my-bot" is not a GUID (the Azure Bot\'s Microsoft App ID)');
  });

  it('reports a 64×64 outline icon and a coloured one', () => {
    expect(checkManifest(good(), { ...ICONS, outline: png(64, 64, [255, 255, 255, 0]) })).toContain('outline.png: 64×64, must be 32×32');
    expect(checkManifest(good(), { ...ICONS, outline: png(32, 32, [31, 111, 84, 255]) })).toEqual([
      'outline.png: 1024 pixels are not white (only white and transparent allowed)',
      'outline.png: no transparent pixels (the background must be transparent)',
    ]);
  });

  it('reports a colour icon of the wrong size and a file that is not a PNG', () => {
    expect(checkManifest(good(), { ...ICONS, color: png(96, 96, [31, 111, 84, 255]) })).toEqual(['color.png: 96×96, must be 192×192']);
    expect(checkManifest(good(), { ...ICONS, color: Buffer.from('GIF89a') })).toEqual(['color.png: not a PNG file']);
  });

  it('reports files without a personal scope, files on a notification-only bot, and a flag that is not true or false', () => {
    const manifest = good();
    manifest.bots[0].scopes = ['team', 'groupChat'];
    manifest.bots[0].commandLists = [manifest.bots[0].commandLists[1]];
    manifest.bots[0].isNotificationOnly = true;
    expect(checkManifest(manifest, ICONS)).toEqual([
      'bots[0].supportsFiles: files work in personal chat only, and the bot has no personal scope',
      'bots[0].supportsFiles: a notification-only bot cannot receive files',
    ]);
    const unclear = good();
    unclear.bots[0].supportsFiles = 'yes';
    expect(checkManifest(unclear, ICONS)).toEqual(['bots[0].supportsFiles: must be true or false']);
  });

  it('reports placeholders left unfilled', () => {
    const manifest = clone(buildManifest(TEMPLATE.replace('"Bill Coach",\n    "websiteUrl"', '"${{DEVELOPER_NAME}}",\n    "websiteUrl"'), SETTINGS));
    expect(checkManifest(manifest, ICONS)).toEqual(['developer.name: placeholder ${{DEVELOPER_NAME}} was not filled in']);
    const noLinks = buildManifest(TEMPLATE, { appId: APP_ID, version: '1.0.0' });
    expect(checkManifest(noLinks, ICONS)).toEqual([
      'developer.websiteUrl: placeholder ${{WEBSITE_URL}} was not filled in',
      'developer.privacyUrl: placeholder ${{PRIVACY_URL}} was not filled in',
      'developer.termsOfUseUrl: placeholder ${{TERMS_URL}} was not filled in',
    ]);
  });

  it('reports missing required fields, bad version, colour, links, scopes and domains, all at once', () => {
    const manifest = good();
    delete manifest.name;
    delete manifest.developer.privacyUrl;
    manifest.version = '1.0';
    manifest.accentColor = 'green';
    manifest.developer.websiteUrl = 'http://bot.example.org';
    manifest.bots[0].scopes.push('everyone');
    manifest.bots[0].commandLists[0].commands[0].title = 'x'.repeat(33);
    manifest.validDomains = ['https://bot.example.org/api'];
    expect(checkManifest(manifest, ICONS)).toEqual([
      'version: "1.0" must be three numbers such as 1.0.0',
      'developer.websiteUrl: "http://bot.example.org" must be an https:// address',
      'developer.privacyUrl: required',
      'name.short: required',
      'name.full: required',
      'accentColor: "green" must be a hex color such as #1f6f54',
      'bots[0].scopes: "everyone" is not one of personal, team, groupChat',
      'bots[0].commandLists[0].commands[0].title: 33 characters, at most 32 allowed',
      'validDomains[0]: "https://bot.example.org/api" must be a host name only (no https://, no path)',
    ]);
  });
});

describe('the settings the Teams package reads', () => {
  it('needs only the app id: no MicrosoftAppPassword, which the package never holds', () => {
    expect(readPackageEnv({ MicrosoftAppId: ` ${APP_ID} `, PUBLIC_URL: 'https://bot.example.org/' })).toEqual({ appId: APP_ID, publicUrl: 'https://bot.example.org' });
  });

  it('is not stopped by a bot setting it does not use', () => {
    expect(readPackageEnv({ MicrosoftAppId: APP_ID, PORT: 'abc', STORAGE: 'floppy', MicrosoftAppType: 'SingleTenant' })).toEqual({ appId: APP_ID, publicUrl: undefined });
  });

  it('names a PUBLIC_URL that is not an http(s) address', () => {
    expect(() => readPackageEnv({ PUBLIC_URL: 'bot.example.org' })).toThrow(ConfigError);
    expect(() => readPackageEnv({ PUBLIC_URL: 'ftp://bot.example.org' })).toThrow('PUBLIC_URL: expected an http(s) URL such as https://bot.example.org');
  });
});

describe('npm run teams:package (the built CLI)', () => {
  const haveBuild = fs.existsSync(CLI);
  const run = (env: Record<string, string>, outDir: string) =>
    spawnSync(process.execPath, [CLI, '--out', outDir], {
      // A folder without a .env, so only these settings count.
      cwd: outDir,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bill-coach-teams-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  (haveBuild ? it : it.skip)('writes a zip holding exactly manifest.json, color.png and outline.png with the app id filled in', () => {
    const result = run({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', PUBLIC_URL: 'https://bot.example.org' }, tmp);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = path.join(tmp, 'bill-coach-teams.zip');
    const size = fs.statSync(file).size;
    expect(result.stdout).toContain(file);
    expect(result.stdout).toContain(`${size} bytes`);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    expect(Buffer.from(entries['color.png']).equals(ICONS.color)).toBe(true);
    expect(Buffer.from(entries['outline.png']).equals(ICONS.outline)).toBe(true);
    expect(checkManifest(manifest, ICONS)).toEqual([]);
  });

  (haveBuild ? it : it.skip)('builds with the app id alone, without MicrosoftAppPassword, and the zip holds no secret', () => {
    const secret = 'not-in-the-package-0123456789';
    const result = run({ MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://bot.example.org' }, tmp);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const withSecret = run({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: secret, PUBLIC_URL: 'https://bot.example.org' }, tmp);
    expect(withSecret.status).toBe(0);
    const zip = fs.readFileSync(path.join(tmp, 'bill-coach-teams.zip'));
    const entries = unzipSync(new Uint8Array(zip));
    expect(JSON.parse(strFromU8(entries['manifest.json'])).id).toBe(APP_ID);
    for (const entry of Object.values(entries)) expect(Buffer.from(entry).includes(secret)).toBe(false);
  });

  (haveBuild ? it : it.skip)('builds a draft with the all-zero GUID and a warning when MicrosoftAppId is empty', () => {
    const result = run({ TEAMS_APP_VERSION: '1.2.3' }, tmp);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('set MicrosoftAppId before uploading to Teams');
    const entries = unzipSync(new Uint8Array(fs.readFileSync(path.join(tmp, 'bill-coach-teams.zip'))));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']));
    expect(manifest.id).toBe(ZERO_GUID);
    expect(manifest.version).toBe('1.2.3');
  });

  (haveBuild ? it : it.skip)('exits non-zero listing every problem and writes nothing', () => {
    const result = run({ TEAMS_APP_VERSION: 'v1', PUBLIC_URL: 'http://bot.example.org' }, tmp);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Teams package not built: 4 problems:');
    expect(result.stderr).toContain('  - version: "v1" must be three numbers such as 1.0.0');
    expect(result.stderr).toContain('  - developer.termsOfUseUrl: "http://bot.example.org" must be an https:// address');
    expect(fs.existsSync(path.join(tmp, 'bill-coach-teams.zip'))).toBe(false);
  });
});
