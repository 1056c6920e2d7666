import { Modal } from 'antd';
import type { ReactNode } from 'react';

/** A dialog around one form (add or edit a record): OK submits the form, the dialog forgets it when closed. */
export function FormModal({
  open,
  title,
  texts,
  saving,
  onSubmit,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  texts: { save: string; cancel: string };
  saving: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal open={open} title={title} okText={texts.save} cancelText={texts.cancel} confirmLoading={saving} onOk={onSubmit} onCancel={onClose} destroyOnHidden>
      {children}
    </Modal>
  );
}
