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

/**
 * A notification to every active user of an agency; `dedupKey` names the event, and each
 * recipient's key is it plus the user's id. The agency's names are added to the payload.
 */
export interface AgencyNotice {
  kind: string;
  agencyId: string;
  dedupKey: string;
  payload: Record<string, unknown>;
}

/**
 * A notification to the officials responsible for a record: the admins of `bureauId` (the bureau
 * that acted on it), else of the bureaus covering `jurisdictionCode`; each key is `dedupKey` plus the user's id.
 */
export interface OfficialsNotice {
  kind: string;
  bureauId?: string | null;
  jurisdictionCode: string;
  dedupKey: string;
  payload: Record<string, unknown>;
}

/** A notification to one user; its key is `dedupKey` plus the user's id. */
export interface UserNotice {
  kind: string;
  userId: string;
  dedupKey: string;
  payload: Record<string, unknown>;
}

export class NotificationView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'licence.renewal_reminder' }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty(namedEnum('NotificationChannel', ['inbox', 'email'])) channel: NotificationChannel;
  @ApiProperty({ ...namedEnum('NotificationStatus', ['pending', 'sent', 'failed']), description: 'Email delivery; inbox-only notifications are sent when written' }) status: NotificationStatus;
  @ApiProperty({ description: 'Subject in Chinese and English (as the email subject)' }) title: string;
  @ApiProperty({ description: 'What happened, in Chinese', example: '许可证 350000-2026-000001 已被暂停' }) titleZh: string;
  @ApiProperty({ description: 'What happened, in English', example: 'Licence 350000-2026-000001 has been suspended' }) titleEn: string;
  @ApiProperty({ description: 'The message in Chinese' }) bodyZh: string;
  @ApiProperty({ description: 'The message in English' }) bodyEn: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) readAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The web app's page of the record (or the filtered list) it is about", example: '/complaints?overdue=true' })
  link: string | null;
}
