// The words of the checklists (checklists.js): ticks kept per item id, progress and reset per list.

import { addMessages } from "../core/strings.js";

addMessages("en", {
  "checklist.untitled": "List {number}",
  "checklist.progress": "{count} of {total} done",
  "checklist.allDone": "All {total} done",
  "checklist.overall": "Overall: {count} of {total} items done in the {lists} lists.",
  "checklist.savedHere":
    "Your ticks are kept in this browser, on this device, and nowhere else. Export them with your other data at the end of this page.",
  "checklist.ticked": "Ticked. {list}: {progress}.",
  "checklist.unticked": "Unticked. {list}: {progress}.",
  "checklist.reset": "Reset this list",
  "checklist.resetLabel": "Reset this list: {list}",
  "checklist.resetTitle": "Reset the list “{list}”?",
  "checklist.resetMessage": {
    one: "The 1 ticked item in this list will be unticked.",
    other: "All {count} ticked items in this list will be unticked.",
  },
  "checklist.resetOthers": "Your other lists keep their ticks.",
  "checklist.resetConfirm": "Untick this list",
  "checklist.resetCancelled": "Nothing was changed in {list}.",
  "checklist.resetNothing": "Nothing is ticked in {list} yet.",
  "checklist.resetDone": "{list}: every box is unticked. 0 of {total} done.",
});
