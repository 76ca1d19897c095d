import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { RoundsReport } from '../bench/rounds';
import { BOT_ENTRY, ROOT } from '../bench/serverProcess';

const CLI = path.join(ROOT, 'dist', 'bench', 'test', 'bench', 'cli.js');

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 120_000, maxBuffer: 10 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * CI smoke test of `npm run bench`: a few users through the whole journey, the bot and the echo bot in
 * their own processes. It checks the bench works and reports every figure, not the speed targets
 * (a shared CI machine says little about those).
 */
describe('npm run bench (smoke: 5 users)', () => {
  beforeAll(() => {
    if (!fs.existsSync(BOT_ENTRY)) throw new Error(`${BOT_ENTRY} is missing: run "npm run build" (npm test does it first)`);
    // The same compile step as `npm run bench`, into dist/bench.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.bench.json')], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);

  it('--json prints one JSON line with every figure, and every journey completed with a full case', async () => {
    const { code, stdout, stderr } = await runCli(['--json', '--users', '5', '--concurrency', '5', '--warmup', '2', '--rounds', '1']);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0] ?? '') as RoundsReport;

    expect(report.ok).toBe(true);
    expect(report.failures).toEqual([]);
    for (const run of [report.bot, report.echo]) {
      expect(run).toEqual({
        turns: expect.any(Number), turnsPerSecond: expect.any(Number), elapsedS: expect.any(Number),
        latencyMs: { p50: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number), max: expect.any(Number), mean: expect.any(Number) },
        journeys: expect.any(Object), http5xx: 0, failedTurns: 0, peakRssMiB: expect.any(Number), startToHealthyMs: expect.any(Number), activitiesPerTurn: expect.any(Number),
        cpuMsPerTurn: { server: expect.any(Number), driver: expect.any(Number) }, diskKiBPerTurn: expect.any(Number),
      });
    }
    expect(report.bot.journeys).toEqual({ started: 5, completed: 5, cut: 0, failed: 0 });
    expect(report.bot.turns).toBeGreaterThanOrEqual(5 * 40);
    expect(report.echo.turns).toBe(report.bot.turns);
    expect(report.echo.activitiesPerTurn).toBe(1);
    expect(report.ratios).toEqual({ p99: expect.any(Number), throughput: expect.any(Number) });
    expect(report.store).toMatchObject({ checked: 5, incompleteCount: 0, bytesPerUser: { avg: expect.any(Number), p50: expect.any(Number), max: expect.any(Number) } });
    expect(report.store?.bytesPerUser.max).toBeGreaterThan(1000);
    expect(report.targets.map((t) => t.name)).toHaveLength(4);
    for (const target of report.targets) expect(typeof target.pass).toBe('boolean');
  }, 120_000);

  it('the human report names the targets (here with replies acknowledged 20 ms late, as across a network)', async () => {
    const { code, stdout } = await runCli(['--users', '2', '--concurrency', '2', '--storage', 'memory', '--warmup', '0', '--reply-delay', '20']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/replies acknowledged after 20 ms/);
    expect(stdout).toMatch(/p99 turn latency ≤ 2.5× echo p99/);
    expect(stdout).toMatch(/throughput ≥ 300 turns\/s/);
    expect(stdout).toMatch(/start → healthy ≤ 1\.5 s/);
    expect(stdout).toMatch(/OK: no errors/);
  }, 120_000);

  it('--ocr: one more user sends a photo of a bill during the load; each read is timed and the others\' journeys still complete', async () => {
    const { code, stdout, stderr } = await runCli(['--json', '--ocr', '--users', '3', '--concurrency', '3', '--storage', 'memory', '--warmup', '0', '--rounds', '1']);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout.trim()) as RoundsReport;
    expect(report.config.ocr).toBe(true);
    expect(report.ok).toBe(true);
    expect(report.bot.journeys).toEqual({ started: 3, completed: 3, cut: 0, failed: 0 });
    expect(report.ocr?.failures).toEqual([]);
    expect(report.ocr?.reads).toBeGreaterThanOrEqual(1);
    expect(report.targets.map((t) => t.name)).toContain('one-page photo read (OCR) during the load < 20 s (max)');
  }, 120_000);
});
