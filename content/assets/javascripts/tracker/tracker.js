// The contact tracker (/tracker/): contacts with their dates and notes, the next actions the guide's
// timing suggests, and a spreadsheet (CSV) and calendar (.ics) of them. Everything stays in this
// browser's store (store.js); without JavaScript the page points to the printable tracker.
//
// Each section is its own module: actions.js (next actions), list.js (the contacts, with card.js and
// form.js), files.js (the spreadsheet and calendar files). This one puts them on the page and draws them
// all again whenever the store changes, whoever changed it.

import { nextActionsSection } from "./actions.js";
import { dataPanel } from "../core/data-panel.js";
import { h, liveRegion } from "../core/dom.js";
import { filesSection } from "./files.js";
import { contactsSection, listTools } from "./list.js";
import { mountStoreNotice } from "../core/notice.js";
import { onPage } from "../core/page.js";
import { store } from "../core/store.js";

onPage(() => {
  const root = document.querySelector("[data-contact-tracker]");
  return root ? mountTracker(root) : null;
});

function mountTracker(root) {
  const fallback = root.querySelector(".guide-tracker__no-script");
  const noticeSlot = h("div", { class: "guide-tracker__notice", hidden: true });
  const live = h("p", { class: "guide-visually-hidden", "aria-live": "polite" });
  const say = liveRegion(live);
  const tools = listTools();
  const actions = nextActionsSection(say);
  const contacts = contactsSection({ tools, say });
  const files = filesSection(say);
  const app = h(
    "div",
    { class: "guide-tool guide-tracker__app" },
    noticeSlot,
    actions.section,
    contacts.section,
    files.section,
    dataPanel(),
    live,
  );
  root.append(app);
  if (fallback) {
    fallback.hidden = true;
  }
  const render = () => {
    actions.render(contacts.link);
    contacts.render();
  };
  store.addEventListener("change", render);
  const stopPrint = openNotesToPrint(contacts.list);
  const stopNotice = mountStoreNotice(noticeSlot, render);
  render();

  return () => {
    contacts.stop();
    store.removeEventListener("change", render);
    stopPrint();
    stopNotice();
    app.remove();
    if (fallback) {
      fallback.hidden = false;
    }
  };
}

/** Open every contact's notes (closed <details> on screen) while the page prints; returns a cleanup. */
function openNotesToPrint(list) {
  let opened = [];
  const beforePrint = () => {
    opened = Array.from(list.querySelectorAll("details:not([open])"));
    for (const details of opened) {
      details.open = true;
    }
  };
  const afterPrint = () => {
    for (const details of opened) {
      details.open = false;
    }
    opened = [];
  };
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  return () => {
    window.removeEventListener("beforeprint", beforePrint);
    window.removeEventListener("afterprint", afterPrint);
  };
}
