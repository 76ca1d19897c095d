import { createMemoryLogger, hashId, scrubMessage } from '../../src/logger';

describe('the logger', () => {
  it('writes one JSON line per event with only allow-listed fields', () => {
    const log = createMemoryLogger('debug');
    log.info('turn.done', { channelId: 'webchat', durationMs: 12, ...({ text: 'I owe $4,000', name: 'Ada Lovelace' } as object) });
    const line = JSON.parse(log.lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', event: 'turn.done', channelId: 'webchat', durationMs: 12 });
    expect(line.text).toBeUndefined();
    expect(line.name).toBeUndefined();
  });

  it('respects the level', () => {
    const log = createMemoryLogger('warn');
    log.info('quiet');
    log.debug('quieter');
    log.warn('loud');
    expect(log.lines).toHaveLength(1);
  });

  it('scrubs quoted text, e-mail addresses and numbers out of error messages', () => {
    expect(scrubMessage('Storage: error writing "webchat/users/u-42/" due to eTag conflict.')).toBe('Storage: error writing "…" due to eTag conflict.');
    expect(scrubMessage("bad amount 4,321.50 for 'Ada' ada@example.org")).toBe('bad amount #,#.# for "…" …@…');
    const log = createMemoryLogger();
    log.error('turn.error', {}, new Error('cannot parse "my secret answer" 12345'));
    expect(log.lines[0]).not.toMatch(/secret|12345/);
    expect(log.lines[0]).toContain('"errorName":"Error"');
  });

  it('hashes ids so lines can be correlated without storing who it was', () => {
    expect(hashId('user-1')).toMatch(/^[0-9a-f]{12}$/);
    expect(hashId('user-1')).toBe(hashId('user-1'));
    expect(hashId('user-1')).not.toBe(hashId('user-2'));
    expect(hashId(undefined)).toBeUndefined();
  });
});
