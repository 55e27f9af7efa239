// The words every tool shares: what a dialog's cancel button says (each tool passes it to `ask`).
// The saved-data notice's words are in messages-notice.js, loaded with the notice when it is needed.

import { addMessages } from "./strings.js";

addMessages("en", {
  "dialog.cancel": "Cancel",
});
