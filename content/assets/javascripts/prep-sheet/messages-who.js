// The words for the introduction the prep sheet offers from the script studio (pitch-who.js, which
// loads only for a visitor who has said there who they are).

import { addMessages } from "../core/strings.js";

addMessages("en", {
  "pitchWho.sentence": "I am {introduction}.",
  "pitchWho.sentenceNamed": "I am {name}, {introduction}.",
  "pitchWho.offer": "From your outreach scripts: “{sentence}”",
  "pitchWho.use": "Use this",
});
