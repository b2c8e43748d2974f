/**
 * The frame of the app's modal dialogs: a native <dialog> shown with showModal() while
 * `open` is true (so focus stays inside and the page behind is inert) and closed when it
 * turns false. Escape does not close the element by itself; it calls `onCancel`, which
 * decides (usually by clearing the store field that `open` follows). The content is
 * rendered only while open, so each opening starts fresh and `autoFocus` works.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  open: boolean;
  /** Escape was pressed. */
  onCancel: () => void;
  className: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
  children: ReactNode;
}

export function ModalDialog({ open, onCancel, className, children, ...aria }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={className}
      {...aria}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && children}
    </dialog>
  );
}
