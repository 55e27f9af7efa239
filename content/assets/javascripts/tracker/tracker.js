// The contact tracker (/tracker/): contacts with their dates and notes, the next actions the guide's
// timing suggests, and a spreadsheet (CSV) and calendar (.ics) of them. Everything stays in this
// browser's store (store.js); without JavaScript the page points to the printable tracker.

import {
  CHANNELS,
  DATE_FIELDS,
  PERMISSIONS,
  STATUSES,
  TEXT_FIELDS,
  checkContact,
  columnLetters,
  contactsToRows,
  emptyContact,
  markDone,
  nextActions,
  rowsToContacts,
  searchText,
  sortContacts,
  todayIso,
} from "./contacts.js";
import { readCsv, writeCsv } from "./csv.js";
import { dataPanel } from "../core/data-panel.js";
import { ask } from "../core/dialog.js";
import { debounce, downloadText, foldText, h, liveRegion, uid } from "../core/dom.js";
import { formatDate } from "../core/fields.js";
import { writeCalendar } from "./ics.js";
import { mountStoreNotice } from "../core/notice.js";
import { onPage, pageUrl } from "../core/page.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import "../core/messages.js";
import "./messages.js";

const SOURCE = "tracker";

onPage(() => {
  const root = document.querySelector("[data-contact-tracker]");
  return root ? mountTracker(root) : null;
});

const lang = () => document.documentElement.lang || "en";

/** A date such as 2026-03-12 as "Mar 12, 2026". */
function shortDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day).toLocaleDateString(lang(), { year: "numeric", month: "short", day: "numeric" });
}

/** Move the focus to an element that is not a control, focusable only until it loses the focus. */
function focusOnce(element) {
  element.setAttribute("tabindex", "-1");
  element.addEventListener("blur", () => element.removeAttribute("tabindex"), { once: true });
  element.focus({ preventScroll: true });
}

const contactName = (contact) => contact.name.trim() || t("tracker.unnamed");
const cardId = (id) => `contact-${id}`;

function mountTracker(root) {
  const fallback = root.querySelector(".guide-tracker__no-script");
  const noticeSlot = h("div", { class: "guide-tracker__notice", hidden: true });
  const live = h("p", { class: "guide-visually-hidden", "aria-live": "polite" });
  const say = liveRegion(live);
  const actionsList = h("div", { class: "guide-tracker__actions" });
  const list = h("ul", { class: "guide-tracker__list" });
  const count = h("p", { class: "guide-tracker__count", "aria-live": "polite" });
  const filter = h("input", { type: "search", id: uid("tracker-filter"), class: "guide-input", autocomplete: "off", "data-focus-key": "filter" });
  const sort = h(
    "select",
    { id: uid("tracker-sort"), class: "guide-select", "data-focus-key": "sort" },
    ["name", "status", "next"].map((value) => h("option", { value, text: t(`tracker.sort.${value}`) })),
  );
  const filterField = h("div", { class: "guide-field guide-tracker__filter" }, h("label", { for: filter.id, text: t("tracker.filter") }), filter);
  const sortField = h("div", { class: "guide-field guide-tracker__sort" }, h("label", { for: sort.id, text: t("tracker.sort") }), sort);
  const addButton = h("button", { type: "button", class: "guide-button guide-button--primary", "data-focus-key": "add", text: t("tracker.add") });
  const fileStatus = h("div", { class: "guide-tracker__file-status", "aria-live": "polite" });
  const csvInput = h("input", { type: "file", accept: ".csv,text/csv", hidden: true, tabindex: "-1" });
  const headings = { actions: uid("tracker-actions"), contacts: uid("tracker-contacts"), files: uid("tracker-files") };

  const app = h(
    "div",
    { class: "guide-tool guide-tracker__app" },
    noticeSlot,
    h(
      "section",
      { class: "guide-tracker__section guide-tracker__next guide-screen-only", "aria-labelledby": headings.actions },
      h("h2", { id: headings.actions, text: t("tracker.actionsHeading") }),
      h("p", { class: "guide-hint", text: t("tracker.actionsIntro") }),
      actionsList,
    ),
    h(
      "section",
      { class: "guide-tracker__section guide-tracker__contacts", "aria-labelledby": headings.contacts },
      h("h2", { id: headings.contacts, text: t("tracker.contactsHeading") }),
      h(
        "div",
        { class: "guide-tracker__tools guide-screen-only" },
        addButton,
        filterField,
        sortField,
      ),
      count,
      list,
    ),
    h(
      "section",
      { class: "guide-tracker__section guide-tracker__files guide-screen-only", "aria-labelledby": headings.files },
      h("h2", { id: headings.files, text: t("tracker.filesHeading") }),
      h("p", { text: t("tracker.filesIntro") }),
      h(
        "div",
        { class: "guide-actions" },
        h("button", { type: "button", class: "guide-button", "data-focus-key": "csv-export", text: t("tracker.csvExport"), on: { click: exportCsv } }),
        h("button", { type: "button", class: "guide-button", "data-focus-key": "csv-import", text: t("tracker.csvImport"), on: { click: () => csvInput.click() } }),
        h("button", { type: "button", class: "guide-button", "data-focus-key": "ics", text: t("tracker.icsExport"), on: { click: exportCalendar } }),
      ),
      csvInput,
      fileStatus,
    ),
    dataPanel(),
    live,
  );
  root.append(app);
  if (fallback) {
    fallback.hidden = true;
  }

  let editing = null; // null, "new", or the id of the contact whose form is open
  let form = null; // {section, read(), show(check)} of the open form
  let query = "";

  const contacts = () => store.data.contacts;
  const byId = (id) => contacts().find((contact) => contact.id === id);

  // --- Next actions ---------------------------------------------------------------------------------
  function renderActions() {
    const today = todayIso();
    const { actions, later } = nextActions(contacts(), today);
    if (!actions.length) {
      actionsList.replaceChildren(h("p", { class: "guide-tracker__empty", text: t(later ? "tracker.actionsNoneSoon" : "tracker.actionsNone") }));
    } else {
      actionsList.replaceChildren(h("ol", { class: "guide-tracker__action-list" }, actions.map(actionItem)));
    }
    if (later) {
      actionsList.append(h("p", { class: "guide-hint", text: t("tracker.actionsLater", { count: later }) }));
    }
  }

  function actionItem(action) {
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
        contactLink(action.contact, t("tracker.seeContact", { name: contactName(action.contact) })),
        h("button", {
          type: "button",
          class: "guide-button guide-button--small",
          "aria-label": t("tracker.doneLabel", { what }),
          text: t("tracker.done"),
          on: { click: () => done(action, what) },
        }),
      ),
    );
  }

  function done(action, what) {
    const contact = action.contact;
    store.update(() => {
      Object.assign(contact, markDone(action, todayIso()), { updated: new Date(Date.now()).toISOString() });
    }, SOURCE);
    render();
    say(t("tracker.doneSaid", { what }));
    actionsList.querySelector("button, a")?.focus();
    if (!actionsList.querySelector("button, a")) {
      focusOnce(document.getElementById(headings.actions));
    }
  }

  // --- The list -------------------------------------------------------------------------------------
  function contactLink(contact, text) {
    return h("a", {
      href: `#${cardId(contact.id)}`,
      class: "guide-tracker__contact-link",
      text,
      on: {
        click: (event) => {
          event.preventDefault();
          showContact(contact.id);
        },
      },
    });
  }

  /** Scroll to a contact's card and give it the focus, clearing a filter that hides it. */
  function showContact(id) {
    let card = document.getElementById(cardId(id));
    if (!card && query) {
      filter.value = "";
      query = "";
      renderList();
      card = document.getElementById(cardId(id));
    }
    if (card) {
      card.scrollIntoView({ block: "center" });
      focusOnce(card);
      card.classList.add("guide-tracker__card--shown");
      window.setTimeout(() => card.classList.remove("guide-tracker__card--shown"), 2000);
    }
  }

  function renderList() {
    const all = contacts();
    const today = todayIso();
    const words = foldText(query).split(/\s+/).filter(Boolean);
    const matches = (contact) => contact.id === editing || words.every((word) => foldText(searchText(contact)).includes(word));
    const shown = sortContacts(all, sort.value, today).filter(matches);
    const items = shown.map((contact) => (contact.id === editing ? h("li", { class: "guide-tracker__item guide-tracker__item--form" }, form.section) : card(contact)));
    if (editing === "new") {
      items.unshift(h("li", { class: "guide-tracker__item guide-tracker__item--form" }, form.section));
    }
    list.replaceChildren(...items);
    // Finding and sorting start to help from two contacts on (a filter in use stays, to be cleared).
    filterField.hidden = all.length < 2 && !query;
    sortField.hidden = all.length < 2;
    list.hidden = !items.length;
    if (!all.length) {
      count.textContent = editing === "new" ? "" : t("tracker.empty");
    } else if (words.length) {
      count.textContent = shown.length ? t("tracker.countFiltered", { count: shown.length, total: all.length }) : t("tracker.noMatch", { query: query.trim() });
    } else {
      count.textContent = t("tracker.count", { count: all.length });
    }
  }

  function card(contact) {
    const name = contactName(contact);
    const titleId = uid("tracker-card");
    const referrer = contact.referredBy ? byId(contact.referredBy) : null;
    const details = [];
    const detail = (label, value) => value && details.push(h("div", {}, h("dt", { text: label }), h("dd", {}, value)));
    detail(t("tracker.field.found"), contact.found);
    detail(t("tracker.field.referredBy"), referrer ? contactLink(referrer, contactName(referrer)) : "");
    detail(t("tracker.field.channel"), t(`tracker.channel.${contact.channel}`));
    for (const key of DATE_FIELDS) {
      detail(t(`tracker.field.${key}`), contact[key] ? shortDate(contact[key]) : "");
    }
    if (contact.permission !== "not asked") {
      detail(t("tracker.field.permission"), t(`tracker.permission.${contact.permission}`));
    }
    const words = [contact.notes, contact.actions].some((text) => text.trim());
    return h(
      "li",
      { class: "guide-tracker__item" },
      h(
        "article",
        { class: "guide-tracker__card", id: cardId(contact.id), "aria-labelledby": titleId },
        h(
          "div",
          { class: "guide-tracker__card-head" },
          h("h3", { id: titleId, class: "guide-tracker__name", text: name }),
          h("span", { class: `guide-tracker__status guide-tracker__status--${contact.status.replace(/ /g, "-")}`, text: t(`tracker.status.${contact.status}`) }),
        ),
        contact.role || contact.organization
          ? h("p", { class: "guide-tracker__where", text: [contact.role, contact.organization].filter(Boolean).join(", ") })
          : null,
        h("dl", { class: "guide-tracker__details" }, details),
        words
          ? h(
              "details",
              { class: "guide-tracker__notes" },
              h("summary", { text: t("tracker.notesSummary") }),
              contact.notes.trim() ? [h("h4", { text: t("tracker.field.notes") }), h("p", { class: "guide-tracker__text", text: contact.notes })] : null,
              contact.actions.trim() ? [h("h4", { text: t("tracker.field.actions") }), h("p", { class: "guide-tracker__text", text: contact.actions })] : null,
            )
          : null,
        h(
          "div",
          { class: "guide-actions guide-screen-only" },
          h("button", {
            type: "button",
            class: "guide-button guide-button--small",
            "data-focus-key": `edit-${contact.id}`,
            "aria-label": t("tracker.editLabel", { name }),
            text: t("tracker.edit"),
            on: { click: () => openForm(contact.id) },
          }),
          h("button", {
            type: "button",
            class: "guide-button guide-button--small guide-button--danger",
            "data-focus-key": `delete-${contact.id}`,
            "aria-label": t("tracker.deleteLabel", { name }),
            text: t("tracker.delete"),
            on: { click: () => remove(contact) },
          }),
        ),
      ),
    );
  }

  // --- Adding and editing ---------------------------------------------------------------------------
  function openForm(id) {
    if (editing) {
      closeForm(false);
    }
    editing = id;
    const contact = id === "new" ? emptyContact() : { ...byId(id) };
    form = contactForm(contact, id === "new");
    renderList();
    form.heading.scrollIntoView({ block: "start" });
    form.first.focus({ preventScroll: true });
  }

  function closeForm(focusBack = true) {
    const was = editing;
    editing = null;
    form = null;
    renderList();
    if (focusBack) {
      const target = was && was !== "new" ? list.querySelector(`[data-focus-key="edit-${CSS.escape(was)}"]`) : addButton;
      (target || addButton).focus();
    }
  }

  function contactForm(contact, isNew) {
    const headingId = uid("tracker-form");
    const controls = {};
    const errors = {};
    const answered = new Set(); // questions already asked about these values
    const fieldFor = (key, build, hint) => {
      const id = uid(`tracker-${key}`);
      const errorId = `${id}-error`;
      const hintId = hint ? `${id}-hint` : null;
      const control = build(id);
      control.setAttribute("aria-describedby", [hintId, errorId].filter(Boolean).join(" "));
      control.dataset.field = key;
      controls[key] = control;
      errors[key] = h("p", { id: errorId, class: "guide-tracker__error", hidden: true });
      return h(
        "div",
        { class: `guide-field guide-tracker__field guide-tracker__field--${key}` },
        h("label", { for: id, text: t(key === "name" ? "tracker.field.nameRequired" : `tracker.field.${key}`) }),
        hint ? h("p", { id: hintId, class: "guide-hint", text: hint }) : null,
        control,
        errors[key],
      );
    };
    const input = (key, type = "text", hint = null) =>
      fieldFor(key, (id) => h("input", { id, type, class: "guide-input", autocomplete: "off", value: contact[key] }), hint);
    const textarea = (key, hint) => fieldFor(key, (id) => h("textarea", { id, class: "guide-input guide-textarea", rows: 3 }, contact[key]), hint);
    const select = (key, options, hint = null) =>
      fieldFor(
        key,
        (id) => {
          const element = h("select", { id, class: "guide-select" }, options.map(([value, text]) => h("option", { value, text })));
          element.value = contact[key];
          return element;
        },
        hint,
      );
    const others = contacts()
      .filter((other) => other.id !== contact.id)
      .sort((a, b) => contactName(a).localeCompare(contactName(b), lang()));
    const dates = h(
      "fieldset",
      { class: "guide-tracker__dates" },
      h("legend", { text: t("tracker.datesLegend") }),
      DATE_FIELDS.map((key) => input(key, "date")),
    );
    const heading = h("h3", { id: headingId, text: isNew ? t("tracker.formNew") : t("tracker.formEdit", { name: contactName(contact) }) });
    const formElement = h(
      "form",
      { class: "guide-tracker__form-body", novalidate: true, "aria-labelledby": headingId },
      h(
        "div",
        { class: "guide-tracker__grid" },
        input("name"),
        input("role"),
        input("organization"),
        input("found", "text", t("tracker.hint.found")),
        select("referredBy", [["", t("tracker.noReferrer")], ...others.map((other) => [other.id, contactName(other)])], t("tracker.hint.referredBy")),
        select("channel", CHANNELS.map((value) => [value, t(`tracker.channel.${value}`)])),
        select("status", STATUSES.map((value) => [value, t(`tracker.status.${value}`)])),
        select("permission", PERMISSIONS.map((value) => [value, t(`tracker.permission.${value}`)]), t("tracker.hint.permission")),
      ),
      dates,
      textarea("notes", t("tracker.hint.notes")),
      textarea("actions", t("tracker.hint.actions")),
      h(
        "div",
        { class: "guide-actions" },
        h("button", { type: "submit", class: "guide-button guide-button--primary", text: t(isNew ? "tracker.saveNew" : "tracker.save") }),
        h("button", { type: "button", class: "guide-button", text: t("tracker.cancel"), on: { click: () => closeForm() } }),
      ),
    );
    controls.name.setAttribute("aria-required", "true");
    const section = h("section", { class: "guide-tracker__form", "aria-labelledby": headingId }, heading, formElement);

    function read() {
      const result = { ...contact };
      for (const key of [...TEXT_FIELDS, ...DATE_FIELDS, "referredBy", "channel", "status", "permission"]) {
        result[key] = controls[key].value;
      }
      return result;
    }

    function show(key, message, kind) {
      errors[key].textContent = message || "";
      errors[key].hidden = !message;
      errors[key].className = `guide-tracker__error${kind === "question" ? " guide-tracker__error--question" : ""}`;
      if (kind === "error") {
        controls[key].setAttribute("aria-invalid", "true");
      } else {
        controls[key].removeAttribute("aria-invalid");
      }
    }

    formElement.addEventListener("submit", (event) => {
      event.preventDefault();
      const draft = read();
      const { errors: wrong, questions } = checkContact(draft);
      const asking = Object.entries(questions).filter(([key]) => !answered.has(`${key}:${draft[key]}`));
      for (const key of Object.keys(controls)) {
        show(key, null);
      }
      for (const [key, id] of Object.entries(wrong)) {
        show(key, t(id), "error");
      }
      for (const [key, id] of asking) {
        show(key, t(id), "question");
        answered.add(`${key}:${draft[key]}`);
      }
      const first = Object.keys(controls).find((key) => wrong[key] || asking.some(([asked]) => asked === key));
      if (first) {
        controls[first].focus();
        say(Object.keys(wrong).length ? t("tracker.fixErrors", { count: Object.keys(wrong).length }) : t("tracker.checkQuestion"));
        return;
      }
      save(draft, isNew);
    });

    return { section, heading, first: controls.name };
  }

  function save(draft, isNew) {
    const now = new Date(Date.now()).toISOString();
    const saved = { ...draft, name: draft.name.trim(), updated: now };
    store.update((data) => {
      if (isNew) {
        data.contacts.push(saved);
      } else {
        const index = data.contacts.findIndex((contact) => contact.id === saved.id);
        if (index >= 0) {
          data.contacts[index] = saved;
        } else {
          data.contacts.push(saved);
        }
      }
    }, SOURCE);
    editing = null;
    form = null;
    render();
    say(t(isNew ? "tracker.added" : "tracker.saved", { name: contactName(saved) }));
    const target = list.querySelector(`[data-focus-key="edit-${CSS.escape(saved.id)}"]`);
    (target || addButton).focus();
  }

  async function remove(contact) {
    const name = contactName(contact);
    const referred = contacts().filter((other) => other.referredBy === contact.id);
    const message = [t("tracker.deleteMessage")];
    if (referred.length) {
      message.push(t("tracker.deleteReferred", { count: referred.length }));
    }
    const answer = await ask({
      title: t("tracker.deleteTitle", { name }),
      message,
      choices: [{ value: "delete", label: t("tracker.deleteConfirm"), danger: true }],
      cancel: t("dialog.cancel"),
    });
    if (answer !== "delete") {
      return;
    }
    const position = sortContacts(contacts(), sort.value, todayIso()).findIndex((other) => other.id === contact.id);
    store.update((data) => {
      data.contacts = data.contacts.filter((other) => other.id !== contact.id);
      for (const other of data.contacts) {
        if (other.referredBy === contact.id) {
          other.referredBy = "";
        }
      }
    }, SOURCE);
    if (editing === contact.id) {
      editing = null;
      form = null;
    }
    render();
    say(t("tracker.deleted", { name }));
    const buttons = list.querySelectorAll("[data-focus-key^='edit-']");
    (buttons[Math.min(position, buttons.length - 1)] || addButton).focus();
  }

  // --- Files ----------------------------------------------------------------------------------------
  function showFileStatus(lines, kind = "") {
    fileStatus.replaceChildren(...lines.map((text) => h("p", { text })));
    fileStatus.className = `guide-tracker__file-status${kind ? ` guide-note` : ""}`;
  }

  function exportCsv() {
    if (!contacts().length) {
      showFileStatus([t("tracker.csvNothing")]);
      return;
    }
    downloadText(`contacts-${todayIso()}.csv`, writeCsv(contactsToRows(contacts())), "text/csv;charset=utf-8");
    showFileStatus([t("tracker.csvExported", { count: contacts().length })]);
  }

  function where(error) {
    const column = error.column ? t("tracker.csvWhere", { row: error.row, column: columnLetters(error.column) }) : t("tracker.csvRow", { row: error.row });
    return error.heading ? `${column} (${error.heading})` : column;
  }

  csvInput.addEventListener("change", async () => {
    const chosen = csvInput.files && csvInput.files[0];
    csvInput.value = "";
    if (!chosen) {
      return;
    }
    const text = await chosen.text();
    const parsed = readCsv(text);
    const result = parsed.error ? parsed : rowsToContacts(parsed.rows, contacts());
    if (result.error) {
      const { kind, value } = result.error;
      const choices = { Channel: CHANNELS, Status: STATUSES, "May use their name": PERMISSIONS }[result.error.heading] || [];
      showFileStatus(
        [t("tracker.csvNotImported", { file: chosen.name }), `${where(result.error)}: ${t(`tracker.csvError.${kind}`, { value, choices: choices.join(", ") })}`],
        "error",
      );
      say(fileStatus.textContent);
      return;
    }
    const { added, updated, unchanged } = result;
    if (!added && !updated) {
      showFileStatus([t("tracker.csvNothingNew", { count: unchanged, file: chosen.name })]);
      return;
    }
    const counts = { added: t("tracker.csvAdded", { count: added }), updated: t("tracker.csvUpdated", { count: updated }) };
    const message = [t("tracker.csvPreview", counts)];
    if (unchanged) {
      message.push(t("tracker.csvUnchanged", { count: unchanged }));
    }
    message.push(t("tracker.csvKeeps"));
    const answer = await ask({
      title: t("tracker.csvTitle", { file: chosen.name }),
      message,
      choices: [{ value: "import", label: t("tracker.csvConfirm") }],
      cancel: t("dialog.cancel"),
    });
    if (answer !== "import") {
      showFileStatus([t("tracker.csvCancelled")]);
      return;
    }
    store.update((data) => {
      data.contacts = result.contacts;
    }, SOURCE);
    render();
    const summary = { file: chosen.name, added: t("tracker.csvImportedAdded", { count: added }), updated: counts.updated };
    showFileStatus([t("tracker.csvImported", summary)]);
  });

  function exportCalendar() {
    const planned = contacts().filter((contact) => contact.nextFollowUp);
    if (!planned.length) {
      showFileStatus([t("tracker.icsNothing")]);
      return;
    }
    const events = planned.map((contact) => ({
      uid: `${contact.id}-${contact.nextFollowUp}@informational-interviews.guide`,
      date: contact.nextFollowUp,
      summary: t("tracker.icsSummary", { name: contactName(contact) }),
      description: [[contact.role, contact.organization].filter(Boolean).join(", "), contact.actions.trim()].filter(Boolean).join("\n"),
    }));
    downloadText(`contact-follow-ups-${todayIso()}.ics`, writeCalendar(events, Date.now()), "text/calendar;charset=utf-8");
    showFileStatus([t("tracker.icsExported", { count: events.length })]);
  }

  // --- Start ----------------------------------------------------------------------------------------
  function render() {
    if (editing && editing !== "new" && !byId(editing)) {
      editing = null;
      form = null;
    }
    renderActions();
    renderList();
  }

  const filterSoon = debounce(() => {
    query = filter.value;
    renderList();
  }, 150);
  filter.addEventListener("input", filterSoon);
  sort.addEventListener("change", renderList);
  addButton.addEventListener("click", () => openForm("new"));

  function onChange(event) {
    if (event.detail.source !== SOURCE) {
      render();
    }
  }
  // Printing shows every contact's notes, which sit in closed <details> on screen.
  let opened = [];
  function beforePrint() {
    opened = Array.from(list.querySelectorAll("details:not([open])"));
    for (const details of opened) {
      details.open = true;
    }
  }
  function afterPrint() {
    for (const details of opened) {
      details.open = false;
    }
    opened = [];
  }
  store.addEventListener("change", onChange);
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  const stopNotice = mountStoreNotice(noticeSlot, render);
  render();

  return () => {
    filterSoon.cancel();
    store.removeEventListener("change", onChange);
    window.removeEventListener("beforeprint", beforePrint);
    window.removeEventListener("afterprint", afterPrint);
    stopNotice();
    app.remove();
    if (fallback) {
      fallback.hidden = false;
    }
  };
}
