// What a tool shows when the saved data cannot be used as it is: what could not be read, a way to keep
// a copy of it as it is, and a way to carry on. notice.js loads it only when there is such a problem.

import { ask } from "./dialog.js";
import { downloadText, h, uid } from "./dom.js";
import { store } from "./store.js";
import { t } from "./strings.js";
import "./messages.js";
import "./messages-notice.js";

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
 * Show in `slot` the store's problem as it is now (the slot is hidden when there is none); `onResolved`
 * runs after the visitor starts afresh or keeps what could be read.
 */
export function showNotice(slot, onResolved) {
  slot.replaceChildren();
  const problem = store.problem;
  slot.hidden = !problem;
  if (!problem) {
    return;
  }
  const titleId = uid("store-notice");
  const actions = noticeActions(problem, onResolved);
  const title = problem.kind === "unsaved" || problem.kind === "unavailable" ? "store.titleNotSaving" : "store.title";
  slot.append(
    h(
      "section",
      { class: "guide-notice guide-notice--warning", role: "region", "aria-labelledby": titleId },
      h("h2", { id: titleId, class: "guide-notice__title", text: t(title) }),
      explanation(problem).map((text) => h("p", { text })),
      actions.childElementCount ? actions : null,
    ),
  );
}

/** The notice's buttons for `problem`: download what is stored, keep what could be read, start afresh. */
function noticeActions(problem, onResolved) {
  const actions = h("div", { class: "guide-actions" });
  const button = (extra, text, click) =>
    h("button", { type: "button", class: `guide-button${extra}`, text, on: { click } });
  if (store.raw) {
    const download = () => downloadText(t("store.rawFile", { date: today() }), store.raw, "text/plain");
    actions.append(button(" guide-button--primary", t("store.downloadRaw"), download));
  }
  if (problem.kind === "damaged") {
    const keep = () => {
      store.keepReadable();
      onResolved();
    };
    actions.append(button("", t("store.keepReadable"), keep));
  }
  if (["unreadable", "newer", "damaged"].includes(problem.kind)) {
    actions.append(button(" guide-button--danger", t("store.reset"), () => reset(onResolved)));
  }
  return actions;
}

/** Ask before removing what is stored, then start afresh. */
async function reset(onResolved) {
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
