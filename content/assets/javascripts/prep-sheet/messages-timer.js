// The words the prep sheet's timer announces when it is started, paused, resumed or reset: they are
// said only after a press, so they load with the timer's workings (timer-run.js).

import { addMessages } from "../core/strings.js";

addMessages("en", {
  "timer.started": { one: "Timer started: 1 minute agreed.", other: "Timer started: {count} minutes agreed." },
  "timer.paused": "Timer paused at {time}.",
  "timer.resumed": "Timer running again.",
  "timer.wasReset": "Timer reset.",
});
