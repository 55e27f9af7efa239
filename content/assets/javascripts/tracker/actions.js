// The tracker's "Next actions" section: what the guide's timing suggests doing next, soonest first, each
// with the script that helps and a button that records it as done.

import { markDone, nextActions, todayIso } from "./contacts.js";
import { h, uid } from "../core/dom.js";
import { formatDate } from "../core/fields.js";
import { pageUrl } from "../core/page.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import { SOURCE, contactName, focusOnce } from "./shared.js";
import "./messages.js";

/**
 * The section: {section, render(link)}. `render` draws the actions of the stored contacts, `link(contact,
 * text)` making a link to a contact's card; `say(message)` announces an action done.
 */
export function nextActionsSection(say) {
  const headingId = uid("tracker-actions");
  const heading = h("h2", { id: headingId, text: t("tracker.actionsHeading") });
  const actionsList = h("div", { class: "guide-tracker__actions" });
  const section = h(
    "section",
    { class: "guide-tracker__section guide-tracker__next guide-screen-only", "aria-labelledby": headingId },
    heading,
    h("p", { class: "guide-hint", text: t("tracker.actionsIntro") }),
    actionsList,
  );
  // The store's "change" event redraws the page before the focus moves on.
  const onDone = (action, what) => {
    recordDone(action);
    say(t("tracker.doneSaid", { what }));
    const next = actionsList.querySelector("button, a");
    if (next) {
      next.focus();
    } else {
      focusOnce(heading);
    }
  };
  return { section, render: (link) => renderActions(actionsList, link, onDone) };
}

function renderActions(actionsList, link, onDone) {
  const { actions, later } = nextActions(store.data.contacts, todayIso());
  if (!actions.length) {
    const none = later ? "tracker.actionsNoneSoon" : "tracker.actionsNone";
    actionsList.replaceChildren(h("p", { class: "guide-tracker__empty", text: t(none) }));
  } else {
    const items = actions.map((action) => actionItem(action, link, onDone));
    actionsList.replaceChildren(h("ol", { class: "guide-tracker__action-list" }, items));
  }
  if (later) {
    actionsList.append(h("p", { class: "guide-hint", text: t("tracker.actionsLater", { count: later }) }));
  }
}

function actionItem(action, link, onDone) {
  const what = t(`tracker.action.${action.kind}`, { name: contactName(action.contact), referrer: contactName(action.whom) });
  const when = t(`tracker.due.${action.state}`, { date: formatDate(action.due) });
  return h(
    "li",
    { class: `guide-tracker__action guide-tracker__action--${action.state}` },
    action.state === "soon" ? null : h("span", { class: "guide-tracker__flag", text: t(`tracker.flag.${action.state}`) }),
    h("p", { class: "guide-tracker__action-what" }, h("strong", { text: what })),
    h("p", { class: "guide-tracker__action-when", text: when }),
    h(
      "div",
      { class: "guide-tracker__action-links" },
      h("a", { href: pageUrl(`scripts/${action.script}/`), text: t(`tracker.script.${action.kind}`) }),
      link(action.contact, t("tracker.seeContact", { name: contactName(action.contact) })),
      h("button", {
        type: "button",
        class: "guide-button guide-button--small",
        "aria-label": t("tracker.doneLabel", { what }),
        text: t("tracker.done"),
        on: { click: () => onDone(action, what) },
      }),
    ),
  );
}

/** Record an action as done today, on the stored contact it is about. */
function recordDone(action) {
  store.update((data) => {
    const contact = data.contacts.find((other) => other.id === action.contact.id);
    if (contact) {
      Object.assign(contact, markDone(action, todayIso()), { updated: new Date(Date.now()).toISOString() });
    }
  }, SOURCE);
}
