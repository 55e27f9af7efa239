// "Who you are" in the script studio: the kinds of visitor of visitors.yaml as radio buttons. The
// choice is kept once for every script (store.data.profile.visitor), and the details each kind's
// introduction asks for are the only ones shown of the visitor's own details.

import { h, uid } from "../core/dom.js";
import { t } from "../core/strings.js";
import { kindFieldIds, visitorKind } from "./studio-text.js";

/** The kind of visitor `data` says the visitor is (the first kind until they choose). */
export function chosenKind(data, visitors) {
  return visitorKind(visitors, data.profile.visitor);
}

/**
 * The fieldset of kinds; `choose(id)` keeps a choice; `scriptFieldIds` are the fields of the script's own. Returns {element, sync(data, controls)}, where
 * sync checks the kept kind and shows only the fields of `controls` (id to field) that it asks for.
 */
export function whoFieldset(visitors, scriptFieldIds, choose) {
  const kinds = (visitors.kinds || []).filter((kind) => kind && typeof kind.id === "string");
  const name = uid("studio-who");
  const hintId = uid("studio-who-hint");
  const radios = kinds.map((kind) =>
    h("input", { type: "radio", name, value: kind.id, "data-focus-key": `studio-who-${kind.id}`, on: { input: () => choose(kind.id) } }),
  );
  const element = h(
    "fieldset",
    { class: "guide-studio__group guide-studio__who", "aria-describedby": hintId },
    h("legend", { text: t("studio.whoLegend") }),
    h("p", { id: hintId, class: "guide-hint", text: t("studio.whoHint") }),
    h(
      "div",
      { class: "guide-studio__choices" },
      kinds.map((kind, index) => h("label", { class: "guide-choice" }, radios[index], " ", kind.label)),
    ),
  );
  // A detail the script asks for itself (your_school in the alumni email) is shown whatever the kind.
  const visitorFieldIds = new Set((visitors.fields || []).map((item) => item.id).filter((id) => !scriptFieldIds.has(id)));
  function sync(data, controls) {
    const kind = chosenKind(data, visitors);
    for (const radio of radios) {
      radio.checked = kind !== null && radio.value === kind.id;
    }
    const wanted = new Set(kindFieldIds(kind));
    for (const [id, made] of controls) {
      if (visitorFieldIds.has(id)) {
        made.wrapper.hidden = !wanted.has(id);
      }
    }
  }
  return { element, sync };
}
