// The words of the data panel (data-panel.js) at the end of the prep sheet, checklist and tracker pages,
// as it first shows: its heading, buttons and what describeData() says. What its buttons say when used
// is in messages-data-actions.js, loaded with what they do.

import { addMessages } from "./strings.js";

addMessages("en", {
  "data.heading": "Your data",
  "data.privacy":
    "Everything you type here stays in this browser, on this device; nothing is sent anywhere. Export a copy to keep it safe or to move it to another device.",
  "data.export": "Export all data",
  "data.import": "Import from a file",
  "data.clear": "Clear all data",
  "data.unavailable": "This could not be done: part of the page could not be loaded. Check your connection, then reload the page.",
  "data.partSheets": { one: "1 prep sheet", other: "{count} prep sheets" },
  "data.partTicks": { one: "1 ticked checklist item", other: "{count} ticked checklist items" },
  "data.partContacts": { one: "1 contact", other: "{count} contacts" },
  "data.partScripts": { one: "1 drafted message", other: "{count} drafted messages" },
  "data.partNothing": "nothing yet",
});
