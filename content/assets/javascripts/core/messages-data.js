// The words of the data panel (data-panel.js) at the end of the prep sheet, checklist and tracker pages:
// export, import and clear everything this guide keeps in the browser.

import { addMessages } from "./strings.js";

addMessages("en", {
  "data.heading": "Your data",
  "data.privacy":
    "Everything you type here stays in this browser, on this device; nothing is sent anywhere. Export a copy to keep it safe or to move it to another device.",
  "data.export": "Export all data",
  "data.import": "Import from a file",
  "data.clear": "Clear all data",
  "data.exported": "Your data was saved as a file in your downloads.",
  "data.importTitle": "Import this file?",
  "data.importHas": "{file} holds {what}.",
  "data.partSheets": { one: "1 prep sheet", other: "{count} prep sheets" },
  "data.partTicks": { one: "1 ticked checklist item", other: "{count} ticked checklist items" },
  "data.partContacts": { one: "1 contact", other: "{count} contacts" },
  "data.partScripts": { one: "1 drafted message", other: "{count} drafted messages" },
  "data.partNothing": "nothing yet",
  "data.importExported": "It was exported on {date}.",
  "data.importLost": { one: "1 entry in it could not be read and will be left out.", other: "{count} entries in it could not be read and will be left out." },
  "data.importHow":
    "Here you have {what}. Merge adds what the file holds to it (where something is in both, the newer copy is kept). Replace removes what is here first.",
  "data.merge": "Merge",
  "data.replace": "Replace",
  "data.importCancelled": "Nothing was imported.",
  "data.merged": "Imported. You now have {what}.",
  "data.replaced": "Replaced. You now have {what}.",
  "data.importError.not-json": "{file} could not be read: it is not a data file exported from this guide.",
  "data.importError.not-guide": "{file} is not a data file exported from this guide.",
  "data.importError.unreadable": "{file} could not be read: it is not a data file exported from this guide.",
  "data.importError.newer": "{file} was exported by a newer version of this guide, which this page cannot read.",
  "data.clearTitle": "Clear all your data?",
  "data.clearMessage": "All your prep sheets, notes and other saved work will be removed from this browser. Export a copy first if you may want it back.",
  "data.clearConfirm": "Clear everything",
  "data.cleared": "All your data was removed from this browser.",
});
