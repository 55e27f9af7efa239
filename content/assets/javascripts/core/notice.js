// What a tool shows when the saved data cannot be used as it is: what could not be read, a way to keep
// a copy of it as it is, and a way to carry on.

import { ask } from "./dialog.js";
import { downloadText, h, uid } from "./dom.js";
import { store } from "./store.js";
import { t } from "./strings.js";
import "./messages.js";

function today() {
  return new Date().toISOString().slice(0, 10);
}

function explanation(problem) {
  switch (problem.kind) {
    case "unreadable":
      return [t("store.unreadable"), t("store.notSaving")];
    case "newer":
      return [t("store.newer"), t("store.notSaving")];
    case "damaged":
      return [t("store.damaged", { count: problem.lost }), t("store.notSaving")];
    case "unsaved":
      return [t("store.unsaved")];
    default:
      return [t("store.unavailable")];
  }
}

/**
 * Keep `slot` showing the store's current problem, if any. `onResolved` runs after the visitor starts
 * afresh or keeps what could be read. Returns a cleanup function.
 */
export function mountStoreNotice(slot, onResolved = () => {}) {
  function render() {
    slot.replaceChildren();
    const problem = store.problem;
    if (!problem) {
      slot.hidden = true;
      return;
    }
    slot.hidden = false;
    const titleId = uid("store-notice");
    const actions = h("div", { class: "guide-actions" });
    if (store.raw) {
      actions.append(
        h("button", {
          type: "button",
          class: "guide-button guide-button--primary",
          text: t("store.downloadRaw"),
          on: { click: () => downloadText(`informational-interviews-saved-data-${today()}.txt`, store.raw, "text/plain") },
        }),
      );
    }
    if (problem.kind === "damaged") {
      actions.append(
        h("button", {
          type: "button",
          class: "guide-button",
          text: t("store.keepReadable"),
          on: {
            click: () => {
              store.keepReadable();
              onResolved();
            },
          },
        }),
      );
    }
    if (["unreadable", "newer", "damaged"].includes(problem.kind)) {
      actions.append(
        h("button", {
          type: "button",
          class: "guide-button guide-button--danger",
          text: t("store.reset"),
          on: { click: reset },
        }),
      );
    }
    slot.append(
      h(
        "section",
        { class: "guide-notice guide-notice--warning", role: "region", "aria-labelledby": titleId },
        h("h2", { id: titleId, class: "guide-notice__title", text: t(problem.kind === "unsaved" || problem.kind === "unavailable" ? "store.titleNotSaving" : "store.title") }),
        explanation(problem).map((text) => h("p", { text })),
        actions.childElementCount ? actions : null,
      ),
    );
  }

  async function reset() {
    const answer = await ask({
      title: t("store.resetTitle"),
      message: t("store.resetMessage"),
      choices: [{ value: "reset", label: t("store.resetConfirm"), danger: true }],
      cancel: t("dialog.cancel"),
    });
    if (answer === "reset") {
      store.clear();
      onResolved();
    }
  }

  render();
  store.addEventListener("problem", render);
  return () => store.removeEventListener("problem", render);
}
