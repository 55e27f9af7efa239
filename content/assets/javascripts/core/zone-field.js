// The time zone of a meeting, as the prep sheet and the contact tracker ask for it: a select of every
// zone the browser knows, Canada's first by their everyday names, the visitor's own chosen until they
// choose another, and a note giving the meeting's time in the visitor's zone when it is not theirs.
//
// The tools load this module when it is needed (the pages' weight budget has no room for it): the
// prep sheet shows a select holding only the meeting's zone until the visitor first reaches for it (or
// loads it at once when a zone is kept); the tracker loads it when a form or a card needs it.

import { h } from "./dom.js";
import { locale, t } from "./strings.js";
import { clockTime, isTimeZone, timeThere, todayIn, visitorZone } from "./time-zones.js";
import "./messages-time-zones.js";

/** Canada's six zones, east to west (Saskatchewan's apart: it keeps no daylight saving time). */
export const CANADA = ["St_Johns", "Halifax", "Toronto", "Winnipeg", "Regina", "Edmonton", "Vancouver"].map((city) => `America/${city}`);

/** A zone in words: "Eastern" for Canada's (messages-time-zones.js), else its IANA name with spaces. */
export const zoneName = (zone) => (CANADA.includes(zone) ? t(`zone.${zone}`) : zone.replace(/_/g, " "));

/** A zone as the select names it: the visitor's own says so. */
const zoneLabel = (zone, own) => (zone === own ? t("zone.yours", { zone: zoneName(zone) }) : zoneName(zone));

/** Put every zone in `select` (Canada's, then the others) and choose `chosen`; `own` is the visitor's. */
export function fillZones(select, chosen, own) {
  const others = (Intl.supportedValuesOf?.("timeZone") ?? []).filter((zone) => !CANADA.includes(zone));
  for (const zone of [chosen, own]) {
    if (!CANADA.includes(zone) && !others.includes(zone)) {
      others.unshift(zone);
    }
  }
  const option = (zone) => h("option", { value: zone, text: zoneLabel(zone, own) });
  select.replaceChildren(
    h("optgroup", { label: t("zone.canada") }, CANADA.map(option)),
    h("optgroup", { label: t("zone.others") }, others.map(option)),
  );
  select.value = chosen;
}

/**
 * Make `parts.select` the meeting's zone field, once: every zone in it, a note after it with the
 * meeting's time in the visitor's zone, and the choice in `parts.print` (if any). `parts`: select, zone
 * (as kept: an IANA name, or "" for the visitor's own), when() (the meeting's {date, time}), print,
 * onChange(zone to keep). It gains refresh() (for after the date or time changes) and kept().
 */
export function mountZone(parts) {
  const { select, zone, when, print, onChange } = parts;
  if (parts.kept) {
    return;
  }
  const own = visitorZone();
  const note = h("p", { id: `${select.id}-note`, class: "guide-hint", "aria-live": "polite", hidden: true });
  select.after(note);
  select.setAttribute("aria-describedby", [note.id, select.getAttribute("aria-describedby")].filter(Boolean).join(" "));
  fillZones(select, isTimeZone(zone) ? zone : own, own);
  parts.kept = () => (select.value === own && !isTimeZone(zone) ? "" : select.value);
  parts.refresh = () => {
    if (print) {
      print.textContent = zoneName(select.value);
    }
    showTime(note, { ...when(), zone: select.value });
  };
  select.addEventListener("change", () => {
    parts.refresh();
    onChange?.(parts.kept());
  });
  parts.refresh();
}

/** Fill the parts a tracker card made for a kept meeting: [the zone's name, a note with the visitor's time]. */
export function describe([name, note], meeting) {
  name.textContent = isTimeZone(meeting.zone) ? zoneName(meeting.zone) : t("zone.floating");
  showTime(note, meeting);
}

/**
 * Show in `note` the meeting's time (`time` on `date`, today when there is none, in `zone`) as clocks
 * show it in the visitor's zone; hide it when the zone is theirs or not known, or there is no time.
 */
export function showTime(note, { date, time, zone }) {
  const own = visitorZone();
  note.hidden = zone === own || !isTimeZone(zone) || !/^\d\d:\d\d$/.test(time);
  if (note.hidden) {
    return;
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : todayIn(own);
  const there = timeThere(day, time, zone, own, locale());
  const words = { time: clockTime(time, locale()), zone: zoneName(zone), there: there.time, day: there.date, yours: zoneName(own) };
  note.textContent = t(there.sameDay ? "zone.converted" : "zone.convertedDay", words);
}
