import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface NotificationListenerOptions {
  /** The connection to LISTEN on (the app's role); none: never listens. */
  url: string | undefined;
  channel: string;
  applicationName: string;
  /** Said in the log while the channel cannot be heard, e.g. "Verification cache off". */
  whileDeaf: string;
  logger: Logger;
  onMessage(payload: string | undefined): void;
  /**
   * Called on (re)connecting and on losing the connection: a cache drops what it holds, since it
   * may have missed a notification meanwhile.
   */
  onGapInHearing(): void;
}

/**
 * One PostgreSQL LISTEN connection that reconnects every 2 s until closed. The in-memory caches
 * that NOTIFY keeps coherent across processes keep nothing while `hearing` is false.
 */
export class NotificationListener {
  private client: Client | undefined;
  private closed = false;
  hearing = false;

  constructor(private readonly options: NotificationListenerOptions) {}

  async start(): Promise<void> {
    const { url, channel, applicationName } = this.options;
    if (!url || this.closed) return;
    const client = new Client({ connectionString: url, application_name: applicationName });
    client.on('notification', (message) => this.options.onMessage(message.payload));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.hearing = true;
      this.options.onGapInHearing();
    } catch (error) {
      this.options.logger.warn(`${this.options.whileDeaf} until the database answers: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.retryLater();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.hearing = false;
    await this.client?.end().catch(() => undefined);
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.hearing = false;
    this.client = undefined;
    this.options.onGapInHearing();
    this.retryLater();
  }

  private retryLater(): void {
    if (!this.closed) setTimeout(() => void this.start(), 2_000).unref();
  }
}
