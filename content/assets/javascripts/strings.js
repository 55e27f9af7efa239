// Every word the browser tools show, keyed by a stable id, in one place for translation.
//
// A message is a string, or an object of plural forms ({one, other}, as Intl.PluralRules names them)
// chosen by the `count` parameter. `{name}` stands for a parameter. To add French, add an `fr` object
// with the same ids; a missing id falls back to English, and the page's <html lang> picks the language.

const en = {
  "dialog.cancel": "Cancel",

  // Question picker (question bank pages)
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
  "guidance.fit": "{low} to {high} questions fit {minutes} minutes.",
  "guidance.many": "That is more than {minutes} minutes usually allows: {low} to {high} fit well.",
  "guidance.manyAdvice": "Star the ones that matter most, or ask for a longer meeting.",

  // Prep sheets
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

  "meeting.heading": "The meeting",
  "meeting.date": "Date",
  "meeting.time": "Time",
  "meeting.place": "Place or video link",
  "meeting.length": "Agreed length",
  "meeting.minutesUnit": "minutes",
  "meeting.minutes": { one: "1 minute", other: "{count} minutes" },
  "meeting.reminderLead": "Remember:",
  "meeting.reminder": "arrive at least 10 minutes early (or be set up online 10 minutes before), and bring business cards to exchange.",

  "research.heading": "Research notes",
  "research.field": "Field",
  "research.organization": "Organization",
  "research.name": "Their name",
  "research.role": "Their role",
  "research.found": "How you found them",
  "research.notes": "What you learned about them and the organization",
  "research.notesHint": "A recent project, their career path, news about the organization: one or two things to mention.",

  "pitch.heading": "Your 30-second introduction",
  "pitch.intro": "Answer three short prompts. They are put together below as you type. Aim for about {seconds} seconds, or {words} words.",
  "pitch.who": "Who you are",
  "pitch.whoHint": "Your name, and your program and year or your current work.",
  "pitch.exploring": "What you are exploring",
  "pitch.exploringHint": "The field or role you are curious about, and something you have done that relates to it.",
  "pitch.why": "Why this person",
  "pitch.whyHint": "What in their work or career made you want to talk to them, and what you hope to learn today.",
  "pitch.result": "Your pitch",
  "pitch.placeholder": "Your pitch appears here as you answer the prompts.",
  "pitch.stats": { one: "1 word, about {seconds} seconds to say.", other: "{count} words, about {seconds} seconds to say." },
  "pitch.tooLong": "That is longer than {target} seconds: try cutting a sentence.",

  "timer.heading": "Meeting timer",
  "timer.elapsed": "Elapsed",
  "timer.remaining": "Remaining",
  "timer.over": "Over by",
  "timer.start": "Start the timer",
  "timer.pause": "Pause",
  "timer.resume": "Resume",
  "timer.reset": "Reset",
  "timer.sound": {
    one: "Play a soft sound 1 minute before the end and when time is up",
    other: "Play a soft sound {count} minutes before the end and when time is up",
  },
  "timer.idle": { one: "Agreed length: 1 minute. Start the timer when the conversation begins.", other: "Agreed length: {count} minutes. Start the timer when the conversation begins." },
  "timer.onTime": { one: "On time: 1 minute agreed.", other: "On time: {count} minutes agreed." },
  "timer.nearEnd": {
    one: "Nearly time: a minute or less to go. Ask your last question, and who else you could speak with.",
    other: "Nearly time: {count} minutes or less to go. Ask your last questions, and who else you could speak with.",
  },
  "timer.timeUp": {
    one: "The agreed minute has passed. Say so, thank them, and be ready to leave, unless they offer more time.",
    other: "The agreed {count} minutes have passed. Say so, thank them, and be ready to leave, unless they offer more time.",
  },
  "timer.started": { one: "Timer started: 1 minute agreed.", other: "Timer started: {count} minutes agreed." },
  "timer.paused": "Timer paused at {time}.",
  "timer.resumed": "Timer running again.",
  "timer.wasReset": "Timer reset.",

  "questions.heading": "Questions",
  "questions.count": { one: "1 question.", other: "{count} questions." },
  "questions.hint":
    "Star the three that matter most, in case time runs short. Use the arrow buttons, or drag a question by its handle, to change the order.",
  "questions.empty": "No questions on this sheet yet.",
  "questions.addRecommended": "Add the {count} recommended first questions",
  "questions.addedRecommended": "Added the recommended questions. This sheet now has {count}.",
  "questions.bankLink": "Pick questions in the question bank",
  "questions.ownLabel": "Add your own question",
  "questions.add": "Add",
  "questions.ownEmpty": "Type your question first.",
  "questions.ownAdded": "Added your question as number {position}.",
  "questions.ownBadge": "Your question",
  "questions.notes": "Notes",
  "questions.drag": "Drag to change the order",
  "questions.star": "Star question {number}",
  "questions.starred": "Question {number} starred.",
  "questions.unstarred": "Question {number} no longer starred.",
  "questions.up": "Move question {number} up",
  "questions.down": "Move question {number} down",
  "questions.remove": "Remove question {number}",
  "questions.moved": "Moved to position {position} of {total}.",
  "questions.alreadyFirst": "This question is already first.",
  "questions.alreadyLast": "This question is already last.",
  "questions.removed": "Removed: {text}",

  "close.heading": "Before you leave",
  "close.time": "When the agreed time has passed, say so, and be ready to leave.",
  "close.referrals": "Ask who else you could speak with, and whether you may use their name.",
  "close.cards": "Exchange business cards, and send a thank-you note within a day.",

  "share.heading": "Share your questions",
  "share.intro":
    "This link carries only the ids of the bank questions on this sheet: not your own questions, notes or details. Open it on another device, or send it to a friend or an advisor.",
  "share.nothing": "Add questions from the question bank to get a link.",
  "share.label": "Link to these questions",
  "share.copy": "Copy the link",
  "share.share": "Share…",
  "share.title": "Questions for an informational interview",
  "share.copied": { one: "Copied a link to 1 question.", other: "Copied a link to {count} questions." },
  "share.copyByHand": "The link is selected: copy it with your browser's Copy command.",

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

  "data.heading": "Your data",
  "data.privacy":
    "Everything you type here stays in this browser, on this device; nothing is sent anywhere. Export a copy to keep it safe or to move it to another device.",
  "data.export": "Export all data",
  "data.import": "Import from a file",
  "data.clear": "Clear all data",
  "data.exported": "Your data was saved as a file in your downloads.",
  "data.importTitle": "Import this file?",
  "data.importHas": { one: "{file} holds 1 prep sheet.", other: "{file} holds {count} prep sheets." },
  "data.importExported": "It was exported on {date}.",
  "data.importLost": { one: "1 entry in it could not be read and will be left out.", other: "{count} entries in it could not be read and will be left out." },
  "data.importHow": {
    one: "Merge adds its sheets to the 1 here (where a sheet is in both, the newer copy is kept). Replace removes what is here first.",
    other: "Merge adds its sheets to the {count} here (where a sheet is in both, the newer copy is kept). Replace removes what is here first.",
  },
  "data.merge": "Merge",
  "data.replace": "Replace",
  "data.importCancelled": "Nothing was imported.",
  "data.merged": { one: "Imported. You have 1 prep sheet.", other: "Imported. You have {count} prep sheets." },
  "data.replaced": { one: "Replaced. You have 1 prep sheet.", other: "Replaced. You have {count} prep sheets." },
  "data.importError.not-json": "{file} could not be read: it is not a data file exported from this guide.",
  "data.importError.not-guide": "{file} is not a data file exported from this guide.",
  "data.importError.unreadable": "{file} could not be read: it is not a data file exported from this guide.",
  "data.importError.newer": "{file} was exported by a newer version of this guide, which this page cannot read.",
  "data.clearTitle": "Clear all your data?",
  "data.clearMessage": "All your prep sheets, notes and other saved work will be removed from this browser. Export a copy first if you may want it back.",
  "data.clearConfirm": "Clear everything",
  "data.cleared": "All your data was removed from this browser.",

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
  "store.keepReadable": "Keep what could be read",
  "store.reset": "Start afresh",
  "store.resetTitle": "Start afresh?",
  "store.resetMessage": "The data saved in this browser will be removed, and the tools will start empty.",
  "store.resetConfirm": "Remove it and start afresh",
};

export const MESSAGES = { en };

function language() {
  const lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
  return MESSAGES[lang] ? lang : "en";
}

const pluralRules = new Map();

/** The message `id` in the page's language, with `{name}` replaced by `params.name`. */
export function t(id, params = {}) {
  const lang = language();
  let message = MESSAGES[lang][id] ?? en[id];
  if (message === undefined) {
    console.warn(`strings.js: no message "${id}"`);
    return id;
  }
  if (typeof message === "object") {
    if (!pluralRules.has(lang)) {
      pluralRules.set(lang, new Intl.PluralRules(lang));
    }
    const form = pluralRules.get(lang).select(Number(params.count ?? 0));
    message = message[form] ?? message.other;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
