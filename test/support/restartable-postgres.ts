import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** An embedded PostgreSQL in its own process that a test can stop and start again. */
export class RestartablePostgres {
  private constructor(
    private readonly child: ChildProcess,
    private readonly lines: AsyncIterator<string>,
    readonly url: string,
  ) {}

  static async start(): Promise<RestartablePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'registry-restartable-'));
    chmodSync(dir, 0o755);
    const port = 56000 + (process.pid % 3000);
    const child = spawn(process.execPath, [join(__dirname, 'pg-controller.js'), join(dir, 'pg'), String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    const server = new RestartablePostgres(child, lines, `postgres://postgres:test@127.0.0.1:${port}/registry`);
    await server.expect('ready');
    return server;
  }

  stop(): Promise<void> {
    return this.command('stop');
  }

  restart(): Promise<void> {
    return this.command('start');
  }

  async exit(): Promise<void> {
    await this.command('exit');
  }

  private async command(name: string): Promise<void> {
    this.child.stdin?.write(`${name}\n`);
    await this.expect(`${name} done`);
  }

  private async expect(line: string): Promise<void> {
    const next = await this.lines.next();
    if (next.value !== line) throw new Error(`PostgreSQL controller said ${String(next.value)}, expected ${line}`);
  }
}
