// The tracker's "Your contacts" section: the list of contact cards, found and sorted as the visitor asks,
// with the form that adds or edits a contact open in its place in the list.

import { compareText, emptyContact, searchText, sortContacts, todayIso } from "./contacts.js";
import { ask } from "../core/dialog.js";
import { debounce, foldText, h, uid } from "../core/dom.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import { contactCard } from "./card.js";
import { contactForm } from "./form.js";
import { SOURCE, cardId, contactLink, contactName, focusOnce } from "./shared.js";
import "../core/messages.js";
import "./messages.js";

const byId = (id) => store.data.contacts.find((contact) => contact.id === id);

/** A maker of links to contacts' cards, `link(contact, text)`, each showing its card in this list. */
const linkIn = (view) => (contact, text) => contactLink(contact, text, (id) => showContact(view, id));

/** The list's tools, above it: {element, addButton, filter, filterField, sort, sortField}. */
export function listTools() {
  const filter = h("input", {
    type: "search",
    id: uid("tracker-filter"),
    class: "guide-input",
    autocomplete: "off",
    "data-focus-key": "filter",
  });
  const sort = h(
    "select",
    { id: uid("tracker-sort"), class: "guide-select", "data-focus-key": "sort" },
    ["name", "status", "next"].map((value) => h("option", { value, text: t(`tracker.sort.${value}`) })),
  );
  const labelled = (kind, control) => {
    const label = h("label", { for: control.id, text: t(`tracker.${kind}`) });
    return h("div", { class: `guide-field guide-tracker__${kind}` }, label, control);
  };
  const filterField = labelled("filter", filter);
  const sortField = labelled("sort", sort);
  const addButton = h("button", {
    type: "button",
    class: "guide-button guide-button--primary",
    "data-focus-key": "add",
    text: t("tracker.add"),
  });
  const element = h("div", { class: "guide-tracker__tools guide-screen-only" }, addButton, filterField, sortField);
  return { element, addButton, filter, filterField, sort, sortField };
}

/**
 * The section, with the `tools` of listTools(): {section, list (the <ul>), render(), link(contact, text),
 * stop()}. `render` draws the stored contacts; `link` makes a link that shows a contact's card; `stop`
 * ends a pending search. `say(message)` announces what was done.
 */
export function contactsSection({ tools, say }) {
  const headingId = uid("tracker-contacts");
  // The list's parts and what it shows: the search in use, and the contact whose form is open (`editing`
  // null, "new" or an id) with that form.
  const view = {
    tools,
    say,
    list: h("ul", { class: "guide-tracker__list" }),
    count: h("p", { class: "guide-tracker__count", "aria-live": "polite" }),
    query: "",
    editing: null,
    form: null,
  };
  const section = h(
    "section",
    { class: "guide-tracker__section guide-tracker__contacts", "aria-labelledby": headingId },
    h("h2", { id: headingId, text: t("tracker.contactsHeading") }),
    tools.element,
    view.count,
    view.list,
  );
  const filterSoon = debounce(() => {
    view.query = tools.filter.value;
    renderList(view);
  }, 150);
  tools.filter.addEventListener("input", filterSoon);
  tools.sort.addEventListener("change", () => renderList(view));
  tools.addButton.addEventListener("click", () => openForm(view, "new"));
  return {
    section,
    list: view.list,
    render: () => render(view),
    link: linkIn(view),
    stop: () => filterSoon.cancel(),
  };
}

/** Draw the list again, closing the form of a contact that is no longer there. */
function render(view) {
  if (view.editing && view.editing !== "new" && !byId(view.editing)) {
    view.editing = null;
    view.form = null;
  }
  renderList(view);
}

function renderList(view) {
  const { tools, editing, form, query, list, count } = view;
  const all = store.data.contacts;
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const matches = (contact) => contact.id === editing || words.every((word) => foldText(searchText(contact)).includes(word));
  const shown = sortContacts(all, tools.sort.value, todayIso()).filter(matches);
  const formItem = () => h("li", { class: "guide-tracker__item guide-tracker__item--form" }, form.section);
  const items = shown.map((contact) => (contact.id === editing ? formItem() : cardFor(view, contact)));
  if (editing === "new") {
    items.unshift(formItem());
  }
  list.replaceChildren(...items);
  // Finding and sorting start to help from two contacts on (a filter in use stays, to be cleared).
  tools.filterField.hidden = all.length < 2 && !query;
  tools.sortField.hidden = all.length < 2;
  list.hidden = !items.length;
  if (!all.length) {
    count.textContent = editing === "new" ? "" : t("tracker.empty");
  } else if (words.length) {
    count.textContent = shown.length
      ? t("tracker.countFiltered", { count: shown.length, total: all.length })
      : t("tracker.noMatch", { query: query.trim() });
  } else {
    count.textContent = t("tracker.count", { count: all.length });
  }
}

function cardFor(view, contact) {
  return contactCard(contact, {
    referrer: contact.referredBy ? byId(contact.referredBy) : null,
    link: linkIn(view),
    onEdit: () => openForm(view, contact.id),
    onDelete: () => removeContact(view, contact),
  });
}

/** Scroll to a contact's card and give it the focus, clearing a filter that hides it. */
function showContact(view, id) {
  let card = document.getElementById(cardId(id));
  if (!card && view.query) {
    view.tools.filter.value = "";
    view.query = "";
    renderList(view);
    card = document.getElementById(cardId(id));
  }
  if (card) {
    card.scrollIntoView({ block: "center" });
    focusOnce(card);
    card.classList.add("guide-tracker__card--shown");
    window.setTimeout(() => card.classList.remove("guide-tracker__card--shown"), 2000);
  }
}

// --- Adding and editing ---------------------------------------------------------------------------

/** Open the form for a new contact (`id` "new") or for the contact `id`, closing any other form. */
function openForm(view, id) {
  if (view.editing) {
    closeForm(view, false);
  }
  const isNew = id === "new";
  const contact = isNew ? emptyContact() : { ...byId(id) };
  const others = store.data.contacts
    .filter((other) => other.id !== contact.id)
    .sort((a, b) => compareText(contactName(a), contactName(b)));
  view.editing = id;
  view.form = contactForm(contact, {
    isNew,
    others,
    say: view.say,
    onSave: (draft) => saveContact(view, draft, isNew),
    onCancel: () => closeForm(view),
  });
  renderList(view);
  view.form.heading.scrollIntoView({ block: "start" });
  view.form.first.focus({ preventScroll: true });
}

function closeForm(view, focusBack = true) {
  const was = view.editing;
  view.editing = null;
  view.form = null;
  renderList(view);
  if (focusBack) {
    const target = was && was !== "new" ? view.list.querySelector(`[data-focus-key="edit-${CSS.escape(was)}"]`) : null;
    (target || view.tools.addButton).focus();
  }
}

/** Save a checked draft, closing its form; the store's "change" event draws the list again. */
function saveContact(view, draft, isNew) {
  const saved = { ...draft, name: draft.name.trim(), updated: new Date(Date.now()).toISOString() };
  view.editing = null;
  view.form = null;
  store.update((data) => {
    const index = isNew ? -1 : data.contacts.findIndex((contact) => contact.id === saved.id);
    if (index >= 0) {
      data.contacts[index] = saved;
    } else {
      data.contacts.push(saved);
    }
  }, SOURCE);
  view.say(t(isNew ? "tracker.added" : "tracker.saved", { name: contactName(saved) }));
  const target = view.list.querySelector(`[data-focus-key="edit-${CSS.escape(saved.id)}"]`);
  (target || view.tools.addButton).focus();
}

/** Delete a contact once the visitor confirms, unlinking those they referred. */
async function removeContact(view, contact) {
  const name = contactName(contact);
  const referred = store.data.contacts.filter((other) => other.referredBy === contact.id);
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
  const sorted = sortContacts(store.data.contacts, view.tools.sort.value, todayIso());
  const position = sorted.findIndex((other) => other.id === contact.id);
  if (view.editing === contact.id) {
    view.editing = null;
    view.form = null;
  }
  store.update((data) => {
    data.contacts = data.contacts.filter((other) => other.id !== contact.id);
    for (const other of data.contacts) {
      if (other.referredBy === contact.id) {
        other.referredBy = "";
      }
    }
  }, SOURCE);
  view.say(t("tracker.deleted", { name }));
  const buttons = view.list.querySelectorAll("[data-focus-key^='edit-']");
  (buttons[Math.min(position, buttons.length - 1)] || view.tools.addButton).focus();
}
