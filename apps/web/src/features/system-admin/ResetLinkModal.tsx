import { Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import type { components } from '@/lib/api/schema';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';

type ResetLink = components['schemas']['PasswordResetLink'];

/** Shows a one-time reset link once, to be handed to its owner; nothing keeps it after closing. */
export function ResetLinkModal({ link, onClose }: { link: ResetLink; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${link.resetPath}`;
  return (
    <Modal open title={t.usersAdmin.resetTitle(link.username)} onCancel={onClose} footer={<Button onClick={onClose}>{t.usersAdmin.done}</Button>} destroyOnHidden>
      <p>{t.usersAdmin.resetIntro}</p>
      <label htmlFor="reset-link" className="field-label">
        {t.usersAdmin.resetLinkLabel}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input id="reset-link" readOnly value={url} data-testid="reset-link" onFocus={(event) => event.target.select()} />
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? t.common.copied : t.usersAdmin.copyLink}
        </Button>
      </Space.Compact>
      <p className="agency-meta" style={{ marginTop: 8 }}>
        {t.usersAdmin.resetExpires(formatDate(link.expiresAt, language, true))}
      </p>
    </Modal>
  );
}
