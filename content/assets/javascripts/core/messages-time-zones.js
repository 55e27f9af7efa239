// The words of the time zone field's list and of its note with a meeting's time in the visitor's own
// zone (zone-list.js, shared by the prep sheet and the contact tracker), loaded with them: Canada's
// zones by their everyday names.

import { addMessages } from "./strings.js";

addMessages("en", {
  "zone.canada": "Canada",
  "zone.others": "Other time zones",
  "zone.yours": "{zone} (your time zone)",
  "zone.America/St_Johns": "Newfoundland",
  "zone.America/Halifax": "Atlantic",
  "zone.America/Toronto": "Eastern",
  "zone.America/Winnipeg": "Central",
  "zone.America/Regina": "Saskatchewan (no daylight saving)",
  "zone.America/Edmonton": "Mountain",
  "zone.America/Vancouver": "Pacific",
  "zone.floating": "your time",
  "zone.converted": "{time} {zone} is {there} in your time zone, {yours}.",
  "zone.convertedDay": "{time} {zone} is {there} on {day} in your time zone, {yours}.",
});
