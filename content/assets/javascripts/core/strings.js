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
// English, and the page's <html lang> picks the language: `language()` ("en", "fr"). Every tool's
// dates, times, numbers, lists and sorting follow `locale()` ("en-CA", "fr-CA"), read only here.

export const MESSAGES = { en: {} };

/** Add messages in a language (`en`, `fr`...), keyed by id; a later one with the same id wins. */
export function addMessages(lang, messages) {
  MESSAGES[lang] = Object.assign(MESSAGES[lang] || {}, messages);
}

/** The page's language, "en" or "fr", from its <html lang> ("fr-CA" is "fr"); English for any other. */
export function language() {
  // Outside a page (Node's unit tests) there may be no document, and the words are English.
  const lang = (globalThis.document?.documentElement?.lang || "en").toLowerCase().split("-")[0];
  return lang === "fr" ? lang : "en";
}

/** The page's locale, for Intl and toLocale…String: "fr-CA" on French pages, "en-CA" on English ones. */
export const locale = () => `${language()}-CA`;

const pluralRules = new Map();

/** The plural form ("one", "other") of `count` in `lang`, as Intl.PluralRules names it: French's "one" is 0 and 1. */
export function pluralForm(count, lang) {
  if (!pluralRules.has(lang)) {
    pluralRules.set(lang, new Intl.PluralRules(lang));
  }
  return pluralRules.get(lang).select(Number(count ?? 0));
}

/**
 * The message `id` in the page's language (or in `lang`), with `{name}` replaced by `params.name`; English
 * where the language lacks it, its plural forms then chosen as English chooses them.
 */
export function t(id, params = {}, lang = language()) {
  const found = MESSAGES[lang]?.[id] === undefined ? "en" : lang;
  let message = MESSAGES[found][id];
  if (message === undefined) {
    console.warn(`strings.js: no message "${id}"`);
    return id;
  }
  if (typeof message === "object") {
    message = message[pluralForm(params.count, found)] ?? message.other;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
