// The words of the notice that a newer version of the guide is ready (offline.js).

import { addMessages } from "../core/strings.js";

addMessages("en", {
  "offline.newer": "A newer version of this guide is ready. Reload to see it: everything you have typed stays as it is.",
  "offline.reload": "Reload",
});
