// Every word the browser tools show, keyed by a stable id: t(id) looks a message up here.
//
// The words themselves are in one module per area, so a page fetches only its own tool's: each tool's
// folder has its messages.js, and core/ has messages.js (dialogs), messages-notice.js (the saved-data
// notice), messages-data.js and messages-data-actions.js (the data panel as shown, and what its buttons
// do) and messages-sheets.js (prep sheets, as the picker and the prep sheet name them).
// Each registers its English with `addMessages("en", {...})`, and the module that shows a message
// imports the module that holds it.
//
// A message is a string, or an object of plural forms ({one, other}, as Intl.PluralRules names them)
// chosen by the `count` parameter. `{name}` stands for a parameter. To add French, add
// `addMessages("fr", {...})` with the same ids beside each area's English; a missing id falls back to
// English, and the page's <html lang> picks the language.

export const MESSAGES = { en: {} };

/** Add messages in a language (`en`, `fr`...), keyed by id; a later one with the same id wins. */
export function addMessages(lang, messages) {
  MESSAGES[lang] = Object.assign(MESSAGES[lang] || {}, messages);
}

function language() {
  // Outside a page (Node's unit tests) there is no document, and the words are English.
  const lang = (globalThis.document?.documentElement.lang || "en").toLowerCase().split("-")[0];
  return MESSAGES[lang] ? lang : "en";
}

const pluralRules = new Map();

/** The message `id` in the page's language, with `{name}` replaced by `params.name`. */
export function t(id, params = {}) {
  const lang = language();
  let message = MESSAGES[lang][id] ?? MESSAGES.en[id];
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
