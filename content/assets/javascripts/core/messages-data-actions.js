// The words of what the data panel's buttons do (data-actions.js): the export, the import and its
// dialog, and clearing everything. They load with that module, at the first use of a button.

import { addMessages } from "./strings.js";

addMessages("en", {
  "data.exportFile": "informational-interviews-{date}.json",
  "data.exported": "Your data was saved as a file in your downloads.",
  "data.importTitle": "Import this file?",
  "data.importHas": "{file} holds {what}.",
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
