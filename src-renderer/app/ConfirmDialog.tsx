/** The app's yes/no dialog (a modal <dialog>: focus stays inside, Escape answers "no"). */
import { useApp } from '../store/app-store';
import { answerConfirm } from './confirm';
import { ModalDialog } from './ModalDialog';

export function ConfirmDialog() {
  const request = useApp((s) => s.confirm);

  return (
    <ModalDialog open={request !== null} onCancel={() => answerConfirm(false)} className="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-message">
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
    </ModalDialog>
  );
}
