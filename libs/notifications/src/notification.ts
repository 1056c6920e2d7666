import { namedEnum } from '@app/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export type NotificationChannel = 'inbox' | 'email';
export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** A notification to write to the outbox. */
export interface NotificationRequest {
  /** What happened, e.g. `licence.renewal_reminder`; selects the email template. */
  kind: string;
  recipientUserId: string;
  /** Unique per notification ever: a second write with the same key adds nothing. */
  dedupKey: string;
  payload: Record<string, unknown>;
  /**
   * 'email' (the default) also mails it when SMTP is configured and the recipient has an address;
   * 'inbox' never mails. Every notification is in the recipient's inbox.
   */
  channel?: NotificationChannel;
}

export class NotificationView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'licence.renewal_reminder' }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty(namedEnum('NotificationChannel', ['inbox', 'email'])) channel: NotificationChannel;
  @ApiProperty({ ...namedEnum('NotificationStatus', ['pending', 'sent', 'failed']), description: 'Email delivery; inbox-only notifications are sent when written' }) status: NotificationStatus;
  @ApiProperty({ description: 'Subject in Chinese and English' }) title: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) readAt: Date | null;
  @ApiProperty() createdAt: Date;
}
