// "Who you are" on the prep sheet, from what the visitor told the script studio: the kind of visitor
// they chose (visitors.yaml, in scripts.json) and its details, offered as a first sentence to take
// or leave. Loaded only for a visitor who has chosen a kind there, so that nobody is asked twice.

import { h } from "../core/dom.js";
import { SITE_ROOT } from "../core/page.js";
import { t } from "../core/strings.js";
import "./messages-who.js";

/** The introduction the visitor's profile gives, as a sentence; "" until every detail it needs is there. */
async function introductionOf(profile) {
  const data = await fetch(new URL("scripts.json", SITE_ROOT))
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  const kinds = data && data.visitors && Array.isArray(data.visitors.kinds) ? data.visitors.kinds : [];
  const kind = kinds.find((item) => item && item.id === profile.visitor);
  const parts = kind && kind.phrases && Array.isArray(kind.phrases.introduction) ? kind.phrases.introduction : [];
  const fields = profile.fields || {};
  const words = parts.map((part) => (typeof part.field === "string" ? String(fields[part.field] || "").trim() : String(part.text || "")));
  if (!parts.length || parts.some((part, index) => typeof part.field === "string" && !words[index])) {
    return "";
  }
  const name = String(fields.your_name || "").trim();
  return t(name ? "pitchWho.sentenceNamed" : "pitchWho.sentence", { name, introduction: words.join("") });
}

/**
 * Offer the introduction `profile` gives under the "Who you are" field `made` (a core/fields.js field),
 * with a button that puts it in the field, as if typed, and goes; nothing while the field has words.
 */
export async function offerIntroduction(profile, made) {
  const sentence = await introductionOf(profile);
  if (!sentence || made.control.value.trim()) {
    return;
  }
  const button = h("button", { type: "button", class: "guide-button", "data-focus-key": "pitch-who-use", text: t("pitchWho.use") });
  const offer = h("p", { class: "guide-hint guide-screen-only guide-pitch__offer" }, t("pitchWho.offer", { sentence }), " ", button);
  button.addEventListener("click", () => {
    made.control.value = sentence;
    made.control.dispatchEvent(new Event("input"));
    made.control.focus(); // before the button goes, so that focus is never lost
    offer.remove();
  });
  made.wrapper.append(offer);
}
