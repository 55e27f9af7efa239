// A modal question with a few answers, on the native <dialog> element (focus stays inside it, Escape
// cancels, focus returns to where it was).

import { h, uid } from "./dom.js";

/**
 * Ask a question. `choices`: [{value, label, danger?}]; `cancel`: the label of the button that says no.
 * Resolves to the chosen value, or null when cancelled. The cancel button has the focus first, so a
 * quick Enter never deletes anything.
 */
export function ask({ title, message, choices, cancel }) {
  const titleId = uid("dialog-title");
  const messageId = uid("dialog-message");
  const form = h("form", { method: "dialog", class: "guide-dialog__form" });
  const dialog = h(
    "dialog",
    { class: "guide-dialog guide-tool", "aria-labelledby": titleId, "aria-describedby": messageId },
    form,
  );
  const cancelButton = h("button", { type: "submit", value: "", class: "guide-button", autofocus: true }, cancel);
  const messages = Array.isArray(message) ? message : [message];
  form.append(
    h("h2", { id: titleId, class: "guide-dialog__title", text: title }),
    h("div", { id: messageId }, messages.map((text) => h("p", { text }))),
    h(
      "div",
      { class: "guide-dialog__actions" },
      choices.map((choice) =>
        h(
          "button",
          {
            type: "submit",
            value: choice.value,
            class: choice.danger ? "guide-button guide-button--danger" : "guide-button guide-button--primary",
          },
          choice.label,
        ),
      ),
      cancelButton,
    ),
  );
  const opener = document.activeElement;
  (document.querySelector(".md-content") || document.body).appendChild(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      const value = dialog.returnValue || null;
      dialog.remove();
      if (opener && typeof opener.focus === "function" && opener.isConnected) {
        opener.focus();
      }
      resolve(value);
    });
    dialog.showModal();
    cancelButton.focus();
  });
}
