import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom. */
  actions: ReactNode;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, Esc closes it and the
 * rest of the page is inert. It opens at its top. Focus goes back to where it was when it closes.
 */
export function Dialog({ title, onClose, children, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // The first control takes the focus when it is in view with the dialog at its top; a long
    // dialog whose control is further down (the shortcuts' Close button) focuses itself instead,
    // so it opens at its title, and Tab goes on to its first control.
    dialog.scrollTop = 0;
    const first = dialog.querySelector<HTMLElement>('[data-autofocus], input, select, textarea, button');
    if (first && first.getBoundingClientRect().bottom <= dialog.getBoundingClientRect().bottom) first.focus();
    else dialog.focus({ preventScroll: true });
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">{actions}</div>
    </dialog>
  );
}
