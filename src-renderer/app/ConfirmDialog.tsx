/** The app's yes/no dialog (a modal <dialog>: focus stays inside, Escape answers "no"). */
import { useEffect, useRef } from 'react';
import { useApp } from '../store/app-store';
import { answerConfirm } from './confirm';

export function ConfirmDialog() {
  const request = useApp((s) => s.confirm);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onCancel={(e) => {
        e.preventDefault();
        answerConfirm(false);
      }}
    >
      {request && (
        <>
          <h2 id="confirm-title" className="dialog-title">
            {request.title}
          </h2>
          <p id="confirm-message" className="dialog-text">
            {request.message}
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn" autoFocus onClick={() => answerConfirm(false)}>
              {request.cancelLabel}
            </button>
            <button type="button" className="btn btn-danger" onClick={() => answerConfirm(true)}>
              {request.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
