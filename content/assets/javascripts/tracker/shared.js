// What the contact tracker's sections share: the source their store changes carry, and how a contact is
// named, dated and linked to on the page.

import { h } from "../core/dom.js";
import { onDemand } from "../core/on-demand.js";
import { locale, t } from "../core/strings.js";
import "./messages.js";

/** Who changed the store, in its "change" events, when the tracker did. */
export const SOURCE = "tracker";

/** The meeting's time zone field and names (core/zone-field.js), loaded when a form or a card needs them. */
export const zoneField = onDemand(() => import("../core/zone-field.js"));

/** A date such as 2026-03-12 as "Mar 12, 2026" (« 12 mars 2026 »). */
export function shortDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day).toLocaleDateString(locale(), { year: "numeric", month: "short", day: "numeric" });
}

/** A time of day such as 14:30 as "2:30 p.m." (« 14 h 30 »). */
export function shortTime(time) {
  const [hour, minute] = time.split(":").map(Number);
  return new Date(2000, 0, 1, hour, minute).toLocaleTimeString(locale(), { hour: "numeric", minute: "2-digit" });
}

/** Move the focus to an element that is not a control, focusable only until it loses the focus. */
export function focusOnce(element) {
  element.setAttribute("tabindex", "-1");
  element.addEventListener("blur", () => element.removeAttribute("tabindex"), { once: true });
  element.focus({ preventScroll: true });
}

export const contactName = (contact) => contact.name.trim() || t("tracker.unnamed");
export const cardId = (id) => `contact-${id}`;

/** A link to a contact's card; `showContact(id)` brings the card into view. */
export function contactLink(contact, text, showContact) {
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
