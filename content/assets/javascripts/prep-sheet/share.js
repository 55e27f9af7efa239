// Sharing a prep sheet's questions: a link that carries the bank questions' ids only (never the visitor's
// own words, notes or research), and, on the device that opens it, the choice of where they go
// (share-incoming.js, loaded only when the address carries a link).

import { h } from "../core/dom.js";
import { field } from "../core/fields.js";
import { busyUntil, pageUrl } from "../core/page.js";
import { sharedIds } from "../core/sheets.js";
import { t } from "../core/strings.js"; // its words: messages.js, which prep-sheet.js imports

const SHARE_PARAMETER = "q";
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The question ids a share link carries (`#q=id,id,...`), or null when the address has none. */
export function readShareLink(hash) {
  const parameters = new URLSearchParams(hash.replace(/^#/, ""));
  if (!parameters.has(SHARE_PARAMETER)) {
    return null;
  }
  const ids = parameters.get(SHARE_PARAMETER).split(",").map((id) => id.trim()).filter((id) => QUESTION_ID.test(id));
  return Array.from(new Set(ids));
}

export function shareLink(sheet) {
  return `${pageUrl("prep-sheet/")}#${SHARE_PARAMETER}=${sharedIds(sheet).join(",")}`;
}

/** The share section: the link to the sheet's bank questions, with buttons to copy or share it. */
export function shareSection(sheet) {
  const ids = sharedIds(sheet);
  const status = h("p", { class: "guide-share__status", "aria-live": "polite" });
  const content = [h("p", { text: t("share.intro") })];
  if (!ids.length) {
    content.push(h("p", { class: "guide-hint", text: t("share.nothing") }));
  } else {
    const link = field({
      label: t("share.label"),
      value: shareLink(sheet),
      focusKey: "share-link",
      class: "guide-field--wide",
      attrs: { readonly: "" },
    });
    link.control.addEventListener("focus", () => link.control.select());
    const copy = h("button", { type: "button", class: "guide-button guide-button--primary", text: t("share.copy") });
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(link.control.value);
        status.textContent = t("share.copied", { count: ids.length });
      } catch {
        link.control.focus();
        link.control.select();
        status.textContent = t("share.copyByHand");
      }
    });
    const actions = h("div", { class: "guide-actions" }, copy);
    if (typeof navigator.share === "function") {
      actions.append(
        h("button", {
          type: "button",
          class: "guide-button",
          text: t("share.share"),
          on: {
            click: () => navigator.share({ title: t("share.title"), url: link.control.value }).catch(() => {}),
          },
        }),
      );
    }
    content.push(link.wrapper, actions, status);
  }
  return h(
    "section",
    { class: "guide-prep__section guide-share guide-screen-only", id: "prep-share", "aria-labelledby": "prep-share-heading" },
    h("h2", { id: "prep-share-heading", text: t("share.heading") }),
    ...content,
  );
}

/**
 * Offer the questions of a share link in the address, once, in `slot`: straight onto a sheet without
 * questions, else after asking. `render()` draws the sheet again once they are on it. The work loads
 * only when there is a link; until it has, `slot` is busy.
 */
export function receiveShareLink(options) {
  if (readShareLink(window.location.hash) !== null) {
    const received = import("./share-incoming.js").then((incoming) => incoming.receiveShareLink(options));
    busyUntil(options.slot, received).catch((error) => console.error(error));
  }
}
