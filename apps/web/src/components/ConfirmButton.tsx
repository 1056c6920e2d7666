import { Button, Popconfirm, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';

export interface Confirmation {
  /** The question, naming what will be done to what: "Disable the account of Li Ming?" */
  title: string;
  /** What will happen, in a sentence: who is signed out, what cannot be undone. */
  description: string;
  ok: string;
  cancel: string;
}

/**
 * A destructive action: danger-styled, and nothing happens until the user has read what will
 * happen and confirmed it (one click is never enough to disable an account or end a case).
 */
export function ConfirmButton({ confirm, onConfirm, children, ...button }: { confirm: Confirmation; onConfirm: () => void; children: ReactNode } & Omit<ButtonProps, 'onClick' | 'danger'>) {
  return (
    <Popconfirm title={confirm.title} description={confirm.description} okText={confirm.ok} cancelText={confirm.cancel} okButtonProps={{ danger: true }} onConfirm={onConfirm}>
      <Button danger {...button}>
        {children}
      </Button>
    </Popconfirm>
  );
}
