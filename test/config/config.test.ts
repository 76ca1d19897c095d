import { ConfigError, loadConfig } from '../../src/config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('settings', () => {
  it('has safe defaults: local mode on 127.0.0.1:3978 with durable sqlite storage under ./data for 90 days', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      localMode: true,
      storage: 'sqlite',
      dataDir: './data',
      retentionDays: 90,
      logLevel: 'info',
    });
    expect(config.publicUrl).toBeUndefined();
  });

  it('runs up to 64 turns at once with 1000 more waiting, and names a bad limit', () => {
    expect(loadConfig({})).toMatchObject({ maxConcurrentTurns: 64, maxWaitingTurns: 1000 });
    expect(loadConfig({ MAX_CONCURRENT_TURNS: '8', MAX_WAITING_TURNS: '0' })).toMatchObject({ maxConcurrentTurns: 8, maxWaitingTurns: 0 });
    expect(problemsOf({ MAX_CONCURRENT_TURNS: '1', MAX_WAITING_TURNS: 'lots' })).toEqual([
      'MAX_CONCURRENT_TURNS: expected a whole number from 2 to 10000',
      'MAX_WAITING_TURNS: expected a whole number from 0 to 100000',
    ]);
  });

  it('reads a sent file for at most 10 s by default, and never past the 15 s a channel gives a turn', () => {
    expect(loadConfig({}).upload).toMatchObject({ readTimeoutMs: 10_000, maxBytes: 10_240 * 1024 });
    expect(loadConfig({ UPLOAD_READ_TIMEOUT_SECONDS: '12' }).upload.readTimeoutMs).toBe(12_000);
    expect(problemsOf({ UPLOAD_READ_TIMEOUT_SECONDS: '30' })).toEqual([
      'UPLOAD_READ_TIMEOUT_SECONDS: expected a whole number of seconds from 5 to 12 (a channel gives a turn 15 seconds, fetching the file included)',
    ]);
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: ' ', STORAGE: '' })).toMatchObject({ port: 3978, localMode: true, storage: 'sqlite' });
  });

  it('names every bad key on its own line with what it expects', () => {
    const problems = problemsOf({ PORT: '99999', HOST: '', STORAGE: 'floppy', DATA_RETENTION_DAYS: 'forever', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x' });
    expect(problems).toEqual([
      'PORT: expected a port number from 0 to 65535',
      'PUBLIC_URL: expected an http(s) URL such as https://bot.example.org',
      'STORAGE: expected one of memory, sqlite, azure-blob',
      'DATA_RETENTION_DAYS: expected a whole number of days from 1 to 3650',
      'LOG_LEVEL: expected one of debug, info, warn, error, silent',
    ]);
  });

  it('requires a password with an app id, and a tenant for SingleTenant bots', () => {
    expect(problemsOf({ MicrosoftAppId: 'abc', MicrosoftAppType: 'SingleTenant' })).toEqual([
      'MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant',
      'MicrosoftAppPassword: required when MicrosoftAppId is set',
    ]);
  });

  it('switches local mode off when an app id is set', () => {
    const config = loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'secret' });
    expect(config.localMode).toBe(false);
    expect(config.auth).toEqual({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
  });

  it('never echoes a secret in its error lines', () => {
    const problems = problemsOf({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'hunter2', MicrosoftAppType: 'Nope' });
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('drops a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://bot.example.org/' }).publicUrl).toBe('https://bot.example.org');
  });

  it('reads the blob settings for azure-blob, and only then', () => {
    const connectionString = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net';
    expect(loadConfig({ STORAGE: 'azure-blob', BLOB_CONNECTION_STRING: connectionString }).blob).toEqual({ connectionString, container: 'billcoach' });
    expect(loadConfig({ STORAGE: 'azure-blob', BLOB_CONNECTION_STRING: connectionString, BLOB_CONTAINER: 'bill-coach-prod' }).blob?.container).toBe('bill-coach-prod');
    expect(loadConfig({ STORAGE: 'sqlite', BLOB_CONNECTION_STRING: connectionString }).blob).toBeUndefined();
  });

  it('names a missing or malformed blob setting without echoing the connection string', () => {
    expect(problemsOf({ STORAGE: 'azure-blob' })).toEqual(['BLOB_CONNECTION_STRING: required when STORAGE is azure-blob']);
    const problems = problemsOf({ STORAGE: 'azure-blob', BLOB_CONNECTION_STRING: 'hunter2-not-a-connection-string', BLOB_CONTAINER: 'Bad_Name' });
    expect(problems).toEqual([
      'BLOB_CONTAINER: expected 3 to 63 lowercase letters, digits and single hyphens (an Azure container name)',
      expect.stringMatching(/^BLOB_CONNECTION_STRING: expected an Azure Storage connection string/),
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });
});
