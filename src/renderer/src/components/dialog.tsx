import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';

/**
 * Where focus lands when a dialog opens: an element marked `data-autofocus`, else the first field of the body, else
 * the first footer button — not the close button in the corner, which Radix would pick.
 */
function focusFirstField(event: Event): void {
  const content = event.currentTarget;
  if (!(content instanceof HTMLElement)) return;
  const target =
    content.querySelector<HTMLElement>('[data-autofocus]') ??
    content.querySelector<HTMLElement>(
      '.dialog-body :is(input, select, textarea, button):not(:disabled):not([type="hidden"])',
    ) ??
    content.querySelector<HTMLElement>('.dialog-footer button:not(:disabled)');
  if (!target) return;
  event.preventDefault();
  target.focus();
}

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** One sentence under the title saying what the dialog does. */
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom, right-aligned (primary last). */
  footer?: ReactNode;
  /** `wide` for forms with tables (inbox settings). */
  size?: 'normal' | 'wide';
  testId?: string;
}

/**
 * A modal dialog on Radix: focus moves in and is trapped, Escape and the close button dismiss it, the rest of the
 * page is hidden from screen readers while it is open, and focus returns to the opener afterwards.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = 'normal',
  testId,
}: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={`dialog dialog-${size}`}
          data-testid={testId}
          onOpenAutoFocus={focusFirstField}
          {...(description === undefined ? { 'aria-describedby': undefined } : {})}
        >
          <div className="dialog-header">
            <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="button button-ghost dialog-close" aria-label="Close">
              <X size={16} aria-hidden="true" />
            </RadixDialog.Close>
          </div>
          {description !== undefined && (
            <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>
          )}
          {children !== undefined && children !== null && <div className="dialog-body">{children}</div>}
          {footer && <div className="dialog-footer">{footer}</div>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What will happen, specifically ("12 captures will be deleted; pinned captures are kept."). */
  message: ReactNode;
  confirmLabel: string;
  /** Runs on confirm; the dialog stays open with a progress label until it settles. */
  onConfirm: () => unknown;
  busy?: boolean;
  /** Destructive actions get the danger colour. */
  danger?: boolean;
  testId?: string;
  /** Shown under the message, e.g. why the last attempt failed. */
  children?: ReactNode;
}

/** A yes/no question before something that cannot be undone; Cancel has focus first, so Enter is safe. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  message,
  confirmLabel,
  onConfirm,
  busy = false,
  danger = true,
  testId,
  children,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={message}
      {...(testId ? { testId } : {})}
      footer={
        <>
          <RadixDialog.Close className="button" data-autofocus>
            Cancel
          </RadixDialog.Close>
          <button
            type="button"
            className={`button ${danger ? 'button-danger' : 'button-primary'}`}
            disabled={busy}
            onClick={() => void onConfirm()}
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
