// The words of the question picker (picker.js) on the question bank pages, and of its tray.

import { addMessages } from "../core/strings.js";

addMessages("en", {
  "picker.heading": "Pick questions for your prep sheet",
  "picker.filtersLabel": "Filter the questions",
  "picker.search": "Search the questions",
  "picker.category": "Topic",
  "picker.any": "Any",
  "picker.onlyPicked": "Only questions on my prep sheet",
  "picker.clearFilters": "Clear filters",
  "picker.countAll": { one: "Showing the only question.", other: "Showing all {count} questions." },
  "picker.count": { one: "Showing {count} of {total} questions.", other: "Showing {count} of {total} questions." },
  "picker.noMatch": "No question matches. Try fewer or shorter words, or clear the filters.",
  "picker.pick": "On my prep sheet",
  "picker.suggest": "Suggest a starter set",
  "picker.suggestHint": "Adds up to {count} good first questions, balanced across the topics. Choose a purpose above to suit it.",
  "picker.suggestHintFor": "Adds up to {count} good first questions for “{purpose}”, balanced across the topics.",
  "picker.suggested": {
    one: "Added 1 suggested question. Your prep sheet now has {total} questions.",
    other: "Added {count} suggested questions. Your prep sheet now has {total} questions.",
  },
  "picker.suggestedNone": "Your prep sheet already has {total} questions, so nothing was added. Remove some first to make room.",
  "tray.count": { one: "1 question on your prep sheet.", other: "{count} questions on your prep sheet." },
  "tray.open": "Open your prep sheet",
  "tray.openNamed": "Open the prep sheet: {name}",
});
