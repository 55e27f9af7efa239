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
// English, and the page's <html lang> picks the language: `language()` ("en", "fr") and `locale()`
// ("en-CA", "fr-CA"), which every tool's dates, times, numbers, lists and sorting follow (compareText,
// listText, numberText here; toLocaleDateString(locale(), ...) for dates).

export const MESSAGES = { en: {} };

/** The guide's languages, each with the locale its dates, times, numbers, lists and sorting follow. */
export const LOCALES = { en: "en-CA", fr: "fr-CA" };

/** Add messages in a language (`en`, `fr`...), keyed by id; a later one with the same id wins. */
export function addMessages(lang, messages) {
  MESSAGES[lang] = Object.assign(MESSAGES[lang] || {}, messages);
}

/** The page's language, "en" or "fr", from its <html lang> ("fr-CA" is "fr"); English for any other. */
export function language() {
  // Outside a page (Node's unit tests) there may be no document, and the words are English.
  const lang = (globalThis.document?.documentElement?.lang || "en").toLowerCase().split("-")[0];
  return lang in LOCALES ? lang : "en";
}

/** The page's locale, for Intl and toLocale…String: "fr-CA" on French pages, "en-CA" on English ones. */
export const locale = () => LOCALES[language()];

const cached = new Map();
/** One Intl object of a kind for the page's locale (and options), made once. */
function intl(Kind, options) {
  const key = `${Kind.name} ${locale()} ${JSON.stringify(options)}`;
  if (!cached.has(key)) {
    cached.set(key, new Kind(locale(), options));
  }
  return cached.get(key);
}

/** Compare two names as the page's language sorts them: accents and case aside, numbers by value. */
export const compareText = (a, b) => intl(Intl.Collator, { sensitivity: "base", numeric: true }).compare(a, b);

/** "a, b and c" (« a, b et c ») in the page's language. */
export const listText = (items) => intl(Intl.ListFormat, { style: "long", type: "conjunction" }).format(items);

/** A number in the page's words: 5.1 is "5,1" in French. `options` as Intl.NumberFormat's. */
export const numberText = (number, options = {}) => intl(Intl.NumberFormat, options).format(number);

/** The plural form ("one", "other") of `count` in `lang`, as Intl.PluralRules names it: French's "one" is 0 and 1. */
export function pluralForm(count, lang = language()) {
  const key = `plural ${lang}`;
  if (!cached.has(key)) {
    cached.set(key, new Intl.PluralRules(lang));
  }
  return cached.get(key).select(Number(count ?? 0));
}

/** The message `id` in `lang` (English where `lang` lacks it), with `{name}` replaced by `params.name`. */
export function tIn(lang, id, params = {}) {
  // The plural rules are those of the words found: an English fallback counts as English does.
  const found = MESSAGES[lang]?.[id] !== undefined ? lang : "en";
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

/** The message `id` in the page's language, with `{name}` replaced by `params.name`. */
export const t = (id, params) => tIn(language(), id, params);

/** The words of message `id` in every language this page has them in (plain messages only), for reading files. */
export const everyLanguage = (id) =>
  Object.values(MESSAGES)
    .map((messages) => messages[id])
    .filter((message) => typeof message === "string");
