import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Piscina from 'piscina';
import { AppConfig } from '@app/core';
import { BilingualDocument } from './pdf-document.service';
import type { PdfRenderTask } from './pdf-render.worker';

/**
 * Built, the worker is the compiled .js beside this file; run from TypeScript (tests, ts-node),
 * it is the .ts, loaded through ts-node in the worker thread.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const compiled = join(__dirname, 'pdf-render.worker.js');
  if (existsSync(compiled)) return { filename: compiled, execArgv: [] };
  return { filename: join(__dirname, 'pdf-render.worker.ts'), execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] };
}

/**
 * Renders PDFs in a pool of worker threads (PDF_WORKERS, one by default: the other core is the
 * event loop's and PostgreSQL's), and keeps what it rendered in DATA_DIR/pdf-cache, keyed by what
 * the document shows, so the same document is rendered once and then read from disk.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private pool?: Piscina;
  private readonly rendering = new Map<string, Promise<Buffer>>();
  private readonly cacheDir: string;

  constructor(private readonly config: AppConfig) {
    this.cacheDir = join(config.get('DATA_DIR'), 'pdf-cache');
  }

  /** A bilingual document (notices, decisions) rendered in a worker. */
  bilingual(document: BilingualDocument): Promise<Buffer> {
    return this.render(require.resolve('./pdf-render.worker'), 'bilingual', document);
  }

  /** `exportName` of `module` (absolute path, e.g. `require.resolve('./certificate')`) rendered in a worker with `input`. */
  async render(module: string, exportName: string, input: unknown): Promise<Buffer> {
    const task: PdfRenderTask = { module, exportName, input };
    const bytes = (await this.workers().run(task)) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * The cached PDF of `kind` for `owner` (a licence, a case) as described by `content` (everything
   * the document shows, which the key is a hash of), rendering it with `render` on a miss. One
   * render per key at a time in this process; older versions of the owner's document are removed.
   */
  async cached(kind: string, owner: string, content: unknown, render: () => Promise<Buffer>): Promise<Buffer> {
    const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
    const dir = join(this.cacheDir, kind);
    const file = join(dir, `${owner}.${hash}.pdf`);
    const inFlight = this.rendering.get(file);
    if (inFlight) return inFlight;
    const found = await readFile(file).catch(() => undefined);
    if (found) return found;
    const rendered = (async () => {
      const pdf = await render();
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // Written aside and renamed: another process reading the same key never sees half a file.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, pdf, { mode: 0o600 });
      await rename(partial, file);
      await this.removeOlder(dir, owner, file);
      return pdf;
    })();
    this.rendering.set(file, rendered);
    try {
      return await rendered;
    } finally {
      this.rendering.delete(file);
    }
  }

  private async removeOlder(dir: string, owner: string, keep: string): Promise<void> {
    const names = await readdir(dir);
    await Promise.all(names.filter((n) => n.startsWith(`${owner}.`) && n.endsWith('.pdf') && join(dir, n) !== keep).map((n) => unlink(join(dir, n)).catch(() => undefined)));
  }

  private workers(): Piscina {
    if (!this.pool) {
      const { filename, execArgv } = workerEntry();
      const threads = this.config.get('PDF_WORKERS');
      this.pool = new Piscina({ filename, execArgv, minThreads: 0, maxThreads: threads, idleTimeout: 60_000 });
    }
    return this.pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
