// The words of prep sheets wherever they are named (sheets.js; the question picker and the prep
// sheet), and how many questions fit a meeting.

import { addMessages } from "./strings.js";

addMessages("en", {
  "sheet.select": "Prep sheet",
  "sheet.new": "New sheet",
  "sheet.duplicate": "Duplicate",
  "sheet.delete": "Delete",
  "sheet.print": "Print",
  "sheet.jumpLabel": "Parts of this prep sheet",
  "sheet.untitled": "Prep sheet {number}",
  "sheet.nameAt": "{name}, {organization}",
  "sheet.switched": "Showing the prep sheet: {name}.",
  "sheet.created": "Made a new, empty prep sheet: {name}.",
  "sheet.duplicated": "Made a copy of {name}, without its meeting notes. You are now on the copy.",
  "sheet.deleteTitle": "Delete the prep sheet {name}?",
  "sheet.deleteMessage": "Its questions, notes and details will be gone from this browser. This cannot be undone.",
  "sheet.deleteConfirm": "Delete this sheet",
  "sheet.deleted": "Deleted the prep sheet {name}.",

  "guidance.fit": "{low} to {high} questions fit {minutes} minutes.",
  "guidance.many": "That is more than {minutes} minutes usually allows: {low} to {high} fit well.",
  "guidance.manyAdvice": "Star the ones that matter most, or ask for a longer meeting.",
});
