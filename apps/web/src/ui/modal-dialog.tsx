import type { ReactNode } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";

type ModalDialogProps = {
  title: string;
  /** The form or text inside; gets `close` so a Cancel button or a finished form can close the dialog. */
  children: (close: () => void) => ReactNode;
  /** Controlled: open while true. Leave both out inside a react-aria DialogTrigger. */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  /** "alertdialog" for confirmations of destructive actions. */
  role?: "dialog" | "alertdialog";
  size?: "normal" | "wide";
};

/**
 * A modal dialog from react-aria: focus moves in and is trapped, Escape closes, focus returns to the
 * button that opened it, the page behind is hidden from screen readers, and the title labels the dialog.
 */
export function ModalDialog({ title, children, isOpen, onOpenChange, role = "dialog", size = "normal" }: ModalDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={role !== "alertdialog"}>
      <Modal className={size === "wide" ? "modal modal-wide" : "modal"}>
        <Dialog className="dialog" role={role}>
          {({ close }) => (
            <>
              <Heading slot="title" level={2} className="dialog-title">
                {title}
              </Heading>
              {children(close)}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
