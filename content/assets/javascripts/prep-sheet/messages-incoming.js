// The words for a share link received on the prep sheet, for share-incoming.js, which loads only then.

import { addMessages } from "../core/strings.js";

addMessages("en", {
  "incoming.title": { one: "A shared link with 1 question", other: "A shared link with {count} questions" },
  "incoming.explain": "Start a new prep sheet with them, or add them to the sheet you have open.",
  "incoming.new": "Start a new prep sheet",
  "incoming.add": "Add them to {name}",
  "incoming.ignore": "Ignore the link",
  "incoming.none": "None of its questions are in the question bank any more.",
  "incoming.unknown": {
    one: "1 question in the link is no longer in the question bank and was left out.",
    other: "{count} questions in the link are no longer in the question bank and were left out.",
  },
  "incoming.done": {
    one: "The question from the link is on the prep sheet {name}.",
    other: "The {count} questions from the link are on the prep sheet {name}.",
  },
  "incoming.added": {
    one: "Added 1 question from the link to {name}.",
    other: "Added {count} questions from the link to {name}.",
  },
});
