import { request as httpRequest } from 'node:http';

export interface UploadAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes of the body written before the answer came (or the connection closed). */
  bytesSent: number;
}

/**
 * POSTs a body produced chunk by chunk (never held whole in memory), declaring `declaredBytes`
 * in Content-Length, and resolves with the answer as soon as it arrives, even mid-upload.
 * `stallAfterBytes` stops writing there and waits: an answer then proves the server did not
 * wait for the body.
 */
export function streamUpload(
  url: string,
  options: { headers: Record<string, string>; next: () => Buffer | null; declaredBytes?: number; stallAfterBytes?: number },
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const headers = { ...options.headers, ...(options.declaredBytes ? { 'content-length': String(options.declaredBytes) } : { 'transfer-encoding': 'chunked' }) };
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), bytesSent });
        req.destroy();
      });
      res.on('error', reject);
    });
    // Writing into a connection the server closed after answering fails; the answer is what counts.
    req.on('error', (error) => {
      // The answer may still be parsed from what arrived before the close: on a busy machine that takes more than a moment.
      if (!answered) setTimeout(() => (answered ? undefined : reject(error)), 2000);
    });
    const pump = () => {
      while (!answered && !req.destroyed) {
        if (options.stallAfterBytes !== undefined && bytesSent >= options.stallAfterBytes) return;
        const chunk = options.next();
        if (!chunk) {
          req.end();
          return;
        }
        bytesSent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

/** A chunk source of `total` bytes cut from `piece` repeated. */
export function repeated(piece: string, total: number, chunkBytes = 64 * 1024): () => Buffer | null {
  const unit = Buffer.from(piece.repeat(Math.max(1, Math.floor(chunkBytes / Buffer.byteLength(piece)))));
  let left = total;
  return () => {
    if (left <= 0) return null;
    const chunk = left >= unit.length ? unit : unit.subarray(0, left);
    left -= chunk.length;
    return chunk;
  };
}

/** Samples this process's RSS until stopped; returns the peak growth over the starting value, in MiB. */
export function watchRss(): { stop: () => number } {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round((peak - start) / 1024 / 1024);
    },
  };
}
