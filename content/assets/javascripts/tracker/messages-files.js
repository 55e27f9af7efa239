// The words of the contact tracker's spreadsheet (CSV) and calendar (.ics) files once one is made or read
// (file-actions.js), loaded with them rather than with the page.

import { addMessages } from "../core/strings.js";

addMessages("en", {
  "tracker.csvNothing": "There are no contacts to download yet.",
  "tracker.csvExported": { one: "Downloaded 1 contact as a spreadsheet.", other: "Downloaded {count} contacts as a spreadsheet." },
  "tracker.csvNotImported": "Nothing was imported from {file}, and your contacts are unchanged.",
  "tracker.csvWhere": "Row {row}, column {column}",
  "tracker.csvRow": "Row {row}",
  "tracker.csvError.unclosed": "a field starts with a quotation mark (\") that never closes. Add the closing quotation mark.",
  "tracker.csvError.stray": "a quotation mark (\") is in the wrong place. A field with quotation marks must start and end with one, and each quotation mark inside it is doubled (\"\").",
  "tracker.csvError.heading": "the tracker does not know this heading. Use the headings of a file downloaded from this page.",
  "tracker.csvError.headingTwice": "this heading appears twice.",
  "tracker.csvError.noName": "there is no “Name” column. Every contact needs a name.",
  "tracker.csvError.empty": "the file is empty.",
  "tracker.csvError.extra": "this row has more fields than there are headings. A field with a comma in it needs quotation marks around it.",
  "tracker.csvError.name": "the name is empty. Every contact needs a name.",
  "tracker.csvError.date": "“{value}” is not a date the tracker can read. Write dates as 2026-03-12 (year, month, day).",
  "tracker.csvError.choice": "“{value}” is not one of: {choices}.",
  "tracker.csvError.idTwice": "the ID “{value}” is already used by an earlier row.",
  "tracker.csvError.id": "this ID is too long.",
  "tracker.csvNothingNew": { one: "{file} has 1 contact, already here and unchanged. Nothing to import.", other: "{file} has {count} contacts, all already here and unchanged. Nothing to import." },
  "tracker.csvTitle": "Import contacts from {file}?",
  "tracker.csvPreview": "{added}, {updated}.",
  "tracker.csvAdded": { one: "1 contact will be added", other: "{count} contacts will be added" },
  "tracker.csvUpdated": "{count} updated",
  "tracker.csvUnchanged": { one: "1 contact in the file is already here, unchanged.", other: "{count} contacts in the file are already here, unchanged." },
  "tracker.csvKeeps": "Contacts that are not in the file stay as they are.",
  "tracker.csvConfirm": "Import",
  "tracker.csvCancelled": "Nothing was imported.",
  "tracker.csvImported": "Imported from {file}: {added}, {updated}.",
  "tracker.csvImportedAdded": { one: "1 contact added", other: "{count} contacts added" },
  "tracker.icsNothing": "No contact has a next follow-up date yet. Add one to a contact, then try again.",
  "tracker.icsSummary": "Follow up with {name}",
  "tracker.icsExported": { one: "Downloaded a calendar file with 1 follow-up date.", other: "Downloaded a calendar file with {count} follow-up dates." },
});
