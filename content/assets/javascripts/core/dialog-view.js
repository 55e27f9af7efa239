// The modal question itself, on the native <dialog> element (focus stays inside it, Escape cancels,
// focus returns to where it was). dialog.js loads it the first time a page asks something.

import { h, uid } from "./dom.js";

/**
 * Show the question `ask()` was given and resolve to the chosen value, or null when cancelled; focus
 * goes back to `opener` (where it was when the question was asked) once it is answered.
 */
export function showDialog({ title, message, choices, cancel }, opener) {
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
