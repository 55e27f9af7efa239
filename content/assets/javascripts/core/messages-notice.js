// The words of the notice about saved data that cannot be read or kept (notice-view.js), loaded with
// the notice only when there is such a problem.

import { addMessages } from "./strings.js";

addMessages("en", {
  "store.title": "Your saved data could not be read",
  "store.titleNotSaving": "Your work is not being saved",
  "store.unreadable": "The data this guide saved in your browser is damaged, and this page cannot read it.",
  "store.newer": "The data in your browser was saved by a newer version of this guide, which this page cannot read.",
  "store.damaged": {
    one: "Part of the data this guide saved in your browser is damaged: 1 entry could not be read.",
    other: "Part of the data this guide saved in your browser is damaged: {count} entries could not be read.",
  },
  "store.notSaving":
    "Nothing has been changed, and nothing you do on this page is saved until you choose. Download the saved data first if you may want it, then start afresh.",
  "store.unsaved": "Your browser did not let this page save (its storage may be full). Export your data to keep a copy.",
  "store.unavailable":
    "Your browser does not let this site keep data (storage may be turned off, as in some private windows). You can still use the tools, but nothing is kept after you leave.",
  "store.downloadRaw": "Download the saved data",
  "store.rawFile": "informational-interviews-saved-data-{date}.txt",
  "store.keepReadable": "Keep what could be read",
  "store.reset": "Start afresh",
  "store.resetTitle": "Start afresh?",
  "store.resetMessage": "The data saved in this browser will be removed, and the tools will start empty.",
  "store.resetConfirm": "Remove it and start afresh",
});
