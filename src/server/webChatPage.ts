import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { ContentStore } from '../content/contentStore';
import { projectRoot } from '../projectRoot';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Microsoft's Web Chat bundle, served from node_modules (no CDN). */
export function webChatBundlePath(): string {
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** The file picker's accept list for the upload button: the accepted types, and ".pdf" for pickers that go by name. */
function uploadAccept(types: readonly string[]): string {
  return [...types, ...(types.includes('application/pdf') ? ['.pdf'] : [])].join(',');
}

function renderPage(content: ContentStore, uploadTypes: readonly string[]): string {
  const template = readFileSync(path.join(projectRoot(), 'src', 'server', 'public', 'index.html'), 'utf8');
  const texts: Record<string, string> = {
    title: content.text('web.title'),
    tagline: content.text('web.tagline'),
    privacy: content.text('web.privacy'),
    loading: content.text('web.loading'),
    failed: content.text('web.failed'),
    sendBoxPlaceholder: content.text('web.sendBoxPlaceholder'),
    uploadAccept: uploadAccept(uploadTypes),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => escapeHtml(texts[key] ?? ''));
}

function sendFile(res: Response, file: string, type: string, maxAgeSeconds: number): void {
  const { size, mtime } = statSync(file);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': size,
    'Cache-Control': `public, max-age=${maxAgeSeconds}`,
    'Last-Modified': mtime.toUTCString(),
  });
  createReadStream(file).pipe(res);
}

/** The local web chat page: mounted only in local (no-credentials) mode. */
export function mountWebChatPage(server: Server, content: ContentStore, uploadTypes: readonly string[]): void {
  const html = renderPage(content, uploadTypes);
  const publicDir = path.join(projectRoot(), 'src', 'server', 'public');
  const bundle = webChatBundlePath();
  // blob: for the 📎 button: Web Chat reads the picked file through a blob: URL (connect-src) and makes a
  // photo's thumbnail in a worker it starts from one (worker-src); only the page's own scripts can make either.
  const security = {
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' blob:; worker-src 'self' blob:; font-src 'self' data:; media-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  };

  server.get('/', (_req: Request, res: Response, next) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ...security });
    res.end(html);
    next();
  });
  server.get('/assets/webchat.js', (_req: Request, res: Response, next) => {
    sendFile(res, bundle, 'application/javascript; charset=utf-8', 86_400);
    next();
  });
  server.get('/assets/app.js', (_req: Request, res: Response, next) => {
    sendFile(res, path.join(publicDir, 'app.js'), 'application/javascript; charset=utf-8', 0);
    next();
  });
  server.get('/assets/app.css', (_req: Request, res: Response, next) => {
    sendFile(res, path.join(publicDir, 'app.css'), 'text/css; charset=utf-8', 0);
    next();
  });
}
