// The outreach script studio on every scripts/<id>/ page: a form with the script's fields, the message
// put together live as the visitor types (blanks shown as "[Contact's name]"), its length against the
// script's budget, copy buttons, a mailto: link for emails, the speaking time of phone and voicemail
// scripts, and LinkedIn's connection-note limits. Answers shared by every script (studio-text.js
// `sharedFieldIds`) are kept once in store.data.profile.fields; the rest in store.data.scripts[id].
// Typed text always goes in as text. Without JavaScript the page shows and prints the script as it is.

import { ask } from "../core/dialog.js";
import { h, liveRegion, uid } from "../core/dom.js";
import { field } from "../core/fields.js";
import { mountStoreNotice } from "../core/notice.js";
import { busyUntil, onPage, SITE_ROOT } from "../core/page.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import "../core/messages.js";
import "./messages.js";
import {
  LEFT_OUT,
  expandPhrases,
  fillParts,
  joinPieces,
  linkedinFit,
  mailtoHref,
  measure,
  settleOptional,
  sharedFieldIds,
  textSeconds,
  usesPhrases,
} from "./studio-text.js";
import { chosenKind, whoFieldset } from "./who.js";

const SOURCE = "studio";
const SPOKEN = new Set(["phone", "voicemail"]);
const AUTOCOMPLETE = { your_name: "name", your_email: "email", your_phone: "tel" };

let scripts = null;

/** scripts.json, fetched once per visit: {scripts, visitors}; null when it cannot be read. */
function loadScripts() {
  if (!scripts) {
    scripts = fetch(new URL("scripts.json", SITE_ROOT))
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => (data && Array.isArray(data.scripts) ? { scripts: data.scripts, visitors: visitorsOf(data) } : null))
      .catch(() => null);
  }
  return scripts;
}

/** The kinds of visitor and their details in scripts.json, empty when it has none. */
function visitorsOf(data) {
  const visitors = data.visitors && typeof data.visitors === "object" ? data.visitors : {};
  return { fields: Array.isArray(visitors.fields) ? visitors.fields : [], kinds: Array.isArray(visitors.kinds) ? visitors.kinds : [] };
}

onPage(() => {
  const root = document.querySelector(".guide-studio[data-script-id]");
  if (!root) {
    return null;
  }
  const ending = new AbortController();
  busyUntil(root, loadScripts()).then((all) => {
    const script = all && all.scripts.find((candidate) => candidate.id === root.dataset.scriptId);
    if (!ending.signal.aborted && script && Array.isArray(script.body_parts)) {
      const shared = sharedFieldIds(all.scripts, all.visitors.fields);
      ending.signal.addEventListener("abort", mountStudio(root, script, shared, all.visitors));
    }
  });
  return () => ending.abort();
});

/** Say how long a number of seconds is, in words. */
function duration(seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (!minutes) {
    return t("studio.seconds", { count: rest });
  }
  const whole = t("studio.minutes", { count: minutes });
  return rest ? t("studio.minutesSeconds", { minutes: whole, seconds: t("studio.seconds", { count: rest }) }) : whole;
}

/** Show pieces of filled-in text in `target`: answers and blanks marked, everything as text nodes. */
function showPieces(target, pieces) {
  target.replaceChildren(
    ...pieces.map((piece) =>
      piece.field
        ? h("mark", { class: piece.blank ? "guide-studio__blank" : "guide-studio__answer", dataset: { field: piece.field } }, piece.text)
        : document.createTextNode(piece.text),
    ),
  );
}

/** Build the studio for `script` in `root`; `shared`: the ids of the fields every script shares. */
function mountStudio(root, script, shared, visitors) {
  const context = scriptContext(script, shared, visitors);
  const form = studioForm(context);
  const preview = studioPreview(context);
  const app = studioApp(form.element, preview.element);
  const show = () => showScript(context, preview, app.element);
  const sync = () => syncControls(context, form, show);
  // Each field saves its answer as it is typed (studioForm); the preview follows every keystroke.
  form.element.addEventListener("input", show);
  form.clearButton.addEventListener("click", () => clearForm(context, form.say, sync));
  show();
  root.replaceChildren(app.element);
  root.classList.add("guide-studio--ready");
  const ending = new AbortController();
  store.addEventListener("change", (event) => event.detail.source !== SOURCE && sync(), { signal: ending.signal });
  const stopNotice = mountStoreNotice(app.noticeSlot, sync);

  return () => {
    store.flush();
    ending.abort();
    stopNotice();
  };
}

/**
 * What every part of the studio needs to know about the script. A script that says who the visitor
 * is ({{ you.introduction }}) also asks for the visitor's own details, before its own fields.
 */
function scriptContext(script, shared, visitors) {
  const own = (script.fields || []).filter((item) => item && typeof item.id === "string");
  const ownIds = new Set(own.map((item) => item.id));
  const introduces = usesPhrases(script) && visitors.kinds.length > 0;
  const about = introduces ? visitors.fields.filter((item) => item && typeof item.id === "string" && !ownIds.has(item.id)) : [];
  const fields = [...about, ...own];
  const labels = new Map(fields.map((item) => [item.id, item.label]));
  return {
    script,
    shared,
    fields,
    visitors: introduces ? visitors : null,
    ownIds,
    parts: (name) => expandPhrases(script[name], introduces ? chosenKind(store.data, visitors) : null),
    sharedItems: fields.filter((item) => shared.has(item.id)),
    ownItems: fields.filter((item) => !shared.has(item.id)),
    blank: (id) => t("studio.blank", { label: labels.get(id) || id }),
    spoken: SPOKEN.has(script.channel),
    hasSubject: Array.isArray(script.subject_parts) && script.subject_parts.length > 0,
    // An email sent as a reply has no subject of its own, and no new email to open: a new one would leave the thread.
    reply: script.channel === "email" && typeof script.reply === "string" ? script.reply : null,
  };
}

// --- The answers ------------------------------------------------------------------------------------

/** The answer to field `id` in `data`: a shared field's from the profile, else the script's own. */
function answerOf(data, context, id) {
  const own = data.scripts[context.script.id]?.fields?.[id] ?? "";
  if (context.shared.has(id)) {
    return data.profile.fields?.[id] || own;
  }
  return own;
}

/** Keep the answer to field `id` in `data` (inside a store mutation). */
function setAnswer(data, context, id, text) {
  data.scripts[context.script.id] ||= { fields: {}, updated: "" };
  const record = data.scripts[context.script.id];
  if (context.shared.has(id)) {
    data.profile.fields ||= {};
    data.profile.fields[id] = text;
    delete record.fields[id];
  } else {
    record.fields[id] = text;
  }
  record.updated = new Date().toISOString();
}

/** Every field's answer, {fieldId: text}. */
function answersOf(data, context) {
  return Object.fromEntries(context.fields.map((item) => [item.id, answerOf(data, context, item.id)]));
}

/** The answers, with each blank's example in its place: what the length is measured on. */
function answersOrExamples(fields, answers) {
  return Object.fromEntries(fields.map((item) => [item.id, answers[item.id].trim() || item.example || ""]));
}

/** The subject's and the body's pieces, filled in with `answers` (optional parts kept or left out). */
function filledPieces(context, answers) {
  const { blank, hasSubject, parts, fields } = context;
  const subject = settleOptional(parts("subject_parts"), fields, answers);
  const body = settleOptional(parts("body_parts"), fields, answers);
  return {
    subject: hasSubject ? fillParts(subject.parts, subject.values, blank, true) : [],
    body: fillParts(body.parts, body.values, blank),
  };
}

// --- The form ---------------------------------------------------------------------------------------

/** The form: who you are, shared and own fields, the clear button and its status. Returns {element, controls, who, clearButton, say}. */
function studioForm(context) {
  const { fields, sharedItems, ownItems, visitors } = context;
  const controls = new Map();
  const who = visitors ? whoFieldset(visitors, context.ownIds, (id) => chooseKind(id, controls, who)) : null;
  const formStatus = h("p", { class: "guide-studio__status", role: "status" });
  const clearButton = h("button", { type: "button", class: "guide-button", "data-focus-key": "studio-clear", text: t("studio.clear") });
  const makeField = (item) => answerField(context, item, controls);
  const element = h(
    "form",
    { class: "guide-studio__form", "aria-label": t("studio.formLabel"), on: { submit: (event) => event.preventDefault() } },
    who ? who.element : null,
    fieldGroup(t("studio.sharedLegend"), t("studio.sharedHint"), sharedItems, "shared", makeField),
    fieldGroup(t("studio.ownLegend"), t("studio.ownHint"), ownItems, "own", makeField),
    fields.length ? h("div", { class: "guide-actions" }, clearButton) : null,
    fields.length ? formStatus : null,
  );
  who?.sync(store.data, controls);
  return { element, controls, who, clearButton, say: liveRegion(formStatus) };
}

/** Keep the kind of visitor chosen, and show the details it asks for; the form's input event redraws. */
function chooseKind(id, controls, who) {
  store.update((data) => {
    data.profile.visitor = id;
  }, SOURCE);
  who.sync(store.data, controls);
}

/** One field of the form, saving its answer as it is typed; `controls` gets {fieldId: field}, for syncControls. */
function answerField(context, item, controls) {
  const save = (text) => store.updateSoon((data) => setAnswer(data, context, item.id, text), SOURCE);
  if (item.optional === true) {
    const made = optionalField(item, answerOf(store.data, context, item.id), save);
    controls.set(item.id, made);
    return made.wrapper;
  }
  const made = field({
    label: item.label,
    value: answerOf(store.data, context, item.id),
    multiline: item.multiline === true,
    rows: 3,
    focusKey: `studio-${item.id}`,
    autocomplete: AUTOCOMPLETE[item.id],
    class: item.multiline ? "guide-field--wide" : "",
    attrs: { placeholder: item.example, name: item.id, "data-field": item.id },
    onInput: save,
  });
  controls.set(item.id, made);
  return made.wrapper;
}

/** An optional part as a checkbox, ticked to keep its words; its `control.value` is the answer kept. */
function optionalField(item, answer, save) {
  const box = h("input", { type: "checkbox", name: item.id, "data-field": item.id, "data-focus-key": `studio-${item.id}` });
  box.checked = answer !== LEFT_OUT;
  box.addEventListener("input", () => save(box.checked ? "" : LEFT_OUT));
  const wrapper = h(
    "div",
    { class: "guide-field guide-field--wide guide-studio__optional" },
    h("label", { class: "guide-choice" }, box, " ", t("studio.keepOptional", { label: item.label, words: item.example })),
  );
  const control = {
    get value() {
      return box.checked ? "" : LEFT_OUT;
    },
    set value(answer) {
      box.checked = answer !== LEFT_OUT;
    },
  };
  return { wrapper, control, refresh: () => {} };
}

/** A fieldset of fields with a legend and a hint; null when there are none. */
function fieldGroup(legend, hint, items, kind, makeField) {
  if (!items.length) {
    return null;
  }
  const hintId = uid("studio-hint");
  return h(
    "fieldset",
    { class: `guide-studio__group guide-studio__group--${kind}`, "aria-describedby": hintId },
    h("legend", { text: legend }),
    h("p", { id: hintId, class: "guide-hint", text: hint }),
    h("div", { class: "guide-grid" }, items.map(makeField)),
  );
}

/** Put the stored answers back in the form (after another tab, an import or a reset changed them). */
function syncControls(context, { controls, who }, show) {
  who?.sync(store.data, controls);
  for (const [id, made] of controls) {
    const wanted = answerOf(store.data, context, id);
    if (made.control.value !== wanted) {
      made.control.value = wanted;
      made.refresh();
    }
  }
  show();
}

/** Ask which answers to clear, clear them, put the form in step (`sync`) and say what was done. */
async function clearForm(context, say, sync) {
  const { sharedItems, ownItems } = context;
  const choices = [];
  if (ownItems.length && sharedItems.length) {
    choices.push({ value: "own", label: t("studio.clearOwn") }, { value: "all", label: t("studio.clearAll"), danger: true });
  } else {
    choices.push({ value: "all", label: t("studio.clearConfirm"), danger: true });
  }
  const answer = await ask({
    title: t("studio.clearTitle"),
    message: sharedItems.length ? t("studio.clearShared") : t("studio.ownHint"),
    choices,
    cancel: t("dialog.cancel"),
  });
  if (!answer) {
    return;
  }
  store.update((data) => {
    const record = data.scripts[context.script.id];
    if (record) {
      record.fields = {};
      record.updated = new Date().toISOString();
    }
    if (answer === "all") {
      for (const item of sharedItems) {
        delete data.profile.fields?.[item.id];
      }
    }
  }, SOURCE);
  sync();
  say(t(answer === "all" || !sharedItems.length ? "studio.cleared" : "studio.clearedOwn"));
}

// --- The preview ------------------------------------------------------------------------------------

/** The preview: the message, its length, its notes and the copy and email buttons. */
function studioPreview(context) {
  const { spoken, hasSubject } = context;
  const previewId = uid("studio-preview");
  const subjectText = h("span", { class: "guide-studio__subject-text" });
  const bodyText = h("div", { class: "guide-studio__body" });
  const subjectLabel = hasSubject ? h("span", { class: "guide-studio__label", text: t("studio.subject") }) : null;
  const subjectLine = context.reply
    ? h("p", { class: "guide-studio__subject guide-studio__reply", text: t("studio.reply", { reply: context.reply }) })
    : hasSubject
      ? h("p", { class: "guide-studio__subject" }, subjectLabel, " ", subjectText)
      : null;
  const paper = h("div", { class: "guide-studio__paper" }, subjectLine, bodyText);
  const countValue = h("span", { class: "guide-studio__count-value" });
  const countNote = h("span", { class: "guide-studio__count-note" });
  const count = h("p", { class: "guide-studio__count" }, countValue, " ", countNote);
  const warning = h("p", { class: "guide-studio__warning", role: "status" });
  const extra = h("p", { class: "guide-studio__extra" });
  const copyStatus = h("p", { class: "guide-studio__status", role: "status" });
  const { actions, mailto, mailHintId } = previewActions(context, { subjectText, bodyText }, liveRegion(copyStatus));
  const element = h(
    "section",
    { class: "guide-studio__preview", "aria-labelledby": previewId },
    h("h3", { id: previewId, text: t(spoken ? "studio.previewSpoken" : "studio.preview") }),
    paper,
    h("div", { class: "guide-studio__measure" }, count, warning, extra),
    actions,
    mailto ? h("p", { id: mailHintId, class: "guide-hint", text: t("studio.mailtoHint") }) : null,
    copyStatus,
  );
  return { element, subjectText, bodyText, countValue, countNote, warning, extra, mailto };
}

/** The copy buttons, and for an email the mailto: link: {actions, mailto, mailHintId}. */
function previewActions(context, { subjectText, bodyText }, sayCopy) {
  const { script, spoken, hasSubject } = context;
  const pieces = () => filledPieces(context, answersOf(store.data, context));
  const actions = h("div", { class: "guide-actions guide-studio__actions" });
  if (hasSubject) {
    const subject = () => joinPieces(pieces().subject);
    const label = t("studio.copySubject");
    actions.append(copyButton(label, subject, "studio.copiedSubject", subjectText, "studio-copy-subject", sayCopy));
  }
  const body = () => joinPieces(pieces().body);
  const bodyLabel = t(spoken ? "studio.copyBodySpoken" : "studio.copyBody");
  actions.append(copyButton(bodyLabel, body, "studio.copiedBody", bodyText, "studio-copy-body", sayCopy));
  const mailHintId = uid("studio-mail-hint");
  const mailto =
    script.channel === "email" && !context.reply
      ? h("a", {
          class: "guide-button guide-button--primary",
          href: "mailto:",
          "aria-describedby": mailHintId,
          "data-focus-key": "studio-mailto",
          text: t("studio.mailto"),
        })
      : null;
  if (mailto) {
    actions.append(mailto);
  }
  return { actions, mailto, mailHintId };
}

/** A button that copies `text()`, or selects `target` when the browser refuses, and says which. */
function copyButton(label, text, done, target, focusKey, say) {
  const button = h("button", { type: "button", class: "guide-button", "data-focus-key": focusKey, text: label });
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text());
      say(t(done));
    } catch {
      window.getSelection()?.selectAllChildren(target);
      say(t("studio.copyRefused"));
    }
  });
  return button;
}

/** The studio: heading, store notice, intro, form and preview. Returns {element, noticeSlot}. */
function studioApp(form, preview) {
  const headingId = uid("studio-heading");
  const noticeSlot = h("div", { class: "guide-studio__notice", hidden: true });
  const element = h(
    "section",
    { class: "guide-tool guide-studio__app", "aria-labelledby": headingId },
    h("h2", { id: headingId, text: t("studio.heading") }),
    noticeSlot,
    h("p", { class: "guide-studio__intro", text: t("studio.intro") }),
    form,
    preview,
  );
  return { element, noticeSlot };
}

// --- Keeping it current -----------------------------------------------------------------------------

/** Show the message as the answers now stand: its text, length, notes and mailto: link. */
function showScript(context, preview, app) {
  const { script, blank } = context;
  const answers = answersOf(store.data, context);
  const pieces = filledPieces(context, answers);
  showPieces(preview.subjectText, pieces.subject);
  showPieces(preview.bodyText, pieces.body);
  // Blanks are measured at their examples' length, so an empty form is not "too long" for its
  // placeholders, and a half-filled one shows about how long the finished message will be.
  const settled = settleOptional(context.parts("body_parts"), context.fields, answers);
  const measured = joinPieces(fillParts(settled.parts, answersOrExamples(context.fields, settled.values), blank));
  showLength(script.budget, preview, app, measured, pieces.body.some((piece) => piece.blank));
  showExtra(context, preview.extra, measured);
  if (preview.mailto) {
    preview.mailto.href = mailtoHref(joinPieces(pieces.subject), joinPieces(pieces.body));
  }
}

/** The length against the budget; the warning (a status) changes only when the message goes over or back. */
function showLength(budget, preview, app, measured, blanks) {
  const length = measure(measured, budget);
  const words = length.unit === "words";
  const counted = t(words ? "studio.countWords" : "studio.countCharacters", length);
  preview.countValue.textContent = Number.isFinite(length.limit) ? counted : "";
  preview.countNote.textContent = blanks ? t("studio.countBlanks") : "";
  if (length.over !== app.classList.contains("guide-studio__app--over")) {
    preview.warning.textContent = length.over ? t(words ? "studio.overWords" : "studio.overCharacters", length) : "";
    app.classList.toggle("guide-studio__app--over", length.over);
  }
}

/** The speaking time of a phone or voicemail script, or the LinkedIn note limit it fits. */
function showExtra(context, extra, measured) {
  if (context.spoken) {
    extra.textContent = t("studio.speaking", { duration: duration(textSeconds(measured)) });
  } else if (context.script.channel === "linkedin") {
    const fit = linkedinFit(measured);
    const key = { free: "studio.linkedinFree", premium: "studio.linkedinPremium", neither: "studio.linkedinNeither" }[fit.fits];
    extra.textContent = t(key, { count: fit.count });
    extra.dataset.fits = fit.fits;
  }
  extra.hidden = !extra.textContent;
}
