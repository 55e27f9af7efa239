// The outreach script studio on every scripts/<id>/ page: a form with the script's fields, the message
// put together live as the visitor types (blanks shown as "[Contact's name]"), its length against the
// script's budget, copy buttons, a mailto: link for emails, the speaking time of phone and voicemail
// scripts, and LinkedIn's connection-note limits. Answers shared by every script (studio-text.js
// `sharedFieldIds`) are kept once in store.data.profile.fields; the rest in store.data.scripts[id].
// Typed text always goes in as text. Without JavaScript the page shows and prints the script as it is.

import { ask } from "../core/dialog.js";
import { debounce, h, liveRegion, uid } from "../core/dom.js";
import { field } from "../core/fields.js";
import { mountStoreNotice } from "../core/notice.js";
import { busyUntil, onPage, SITE_ROOT } from "../core/page.js";
import { store } from "../core/store.js";
import { t } from "../core/strings.js";
import "../core/messages.js";
import "./messages.js";
import { fillParts, joinPieces, linkedinFit, mailtoHref, measure, sharedFieldIds, textSeconds } from "./studio-text.js";

const SOURCE = "studio";
const SPOKEN = new Set(["phone", "voicemail"]);
const AUTOCOMPLETE = { your_name: "name", your_email: "email", your_phone: "tel" };

let scripts = null;

/** The outreach scripts (scripts.json), fetched once per visit; null when they cannot be read. */
function loadScripts() {
  if (!scripts) {
    scripts = fetch(new URL("scripts.json", SITE_ROOT))
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => (data && Array.isArray(data.scripts) ? data.scripts : null))
      .catch(() => null);
  }
  return scripts;
}

onPage(() => {
  const root = document.querySelector(".guide-studio[data-script-id]");
  if (!root) {
    return null;
  }
  let alive = true;
  let stop = () => {};
  busyUntil(root, loadScripts()).then((all) => {
    const script = all && all.find((candidate) => candidate.id === root.dataset.scriptId);
    if (alive && script && Array.isArray(script.body_parts)) {
      stop = mountStudio(root, script, sharedFieldIds(all));
    }
  });
  return () => {
    alive = false;
    stop();
  };
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

function mountStudio(root, script, shared) {
  const scriptId = script.id;
  const fields = (script.fields || []).filter((item) => item && typeof item.id === "string");
  const labels = new Map(fields.map((item) => [item.id, item.label]));
  const blank = (id) => t("studio.blank", { label: labels.get(id) || id });
  const spoken = SPOKEN.has(script.channel);
  const hasSubject = Array.isArray(script.subject_parts) && script.subject_parts.length > 0;
  const saveSoon = debounce(() => store.update(() => {}, SOURCE), 300);

  // --- The answers ----------------------------------------------------------------------------------
  function ownRecord() {
    const all = store.data.scripts;
    if (!all[scriptId]) {
      all[scriptId] = { fields: {}, updated: "" };
    }
    return all[scriptId];
  }

  function valueOf(id) {
    const own = store.data.scripts[scriptId]?.fields?.[id] ?? "";
    if (shared.has(id)) {
      return store.data.profile.fields?.[id] || own;
    }
    return own;
  }

  function setValue(id, text) {
    const record = ownRecord();
    if (shared.has(id)) {
      store.data.profile.fields ||= {};
      store.data.profile.fields[id] = text;
      delete record.fields[id];
    } else {
      record.fields[id] = text;
    }
    record.updated = new Date().toISOString();
  }

  function values() {
    return Object.fromEntries(fields.map((item) => [item.id, valueOf(item.id)]));
  }

  /** The answers, with each blank's example in its place: what the length is measured on. */
  function answersOrExamples(answers) {
    return Object.fromEntries(fields.map((item) => [item.id, answers[item.id].trim() || item.example || ""]));
  }

  // --- The form -------------------------------------------------------------------------------------
  const controls = new Map();
  function fieldFor(item) {
    const made = field({
      label: item.label,
      value: valueOf(item.id),
      multiline: item.multiline === true,
      rows: 3,
      focusKey: `studio-${item.id}`,
      autocomplete: AUTOCOMPLETE[item.id],
      class: item.multiline ? "guide-field--wide" : "",
      attrs: { placeholder: item.example, name: item.id, "data-field": item.id },
      onInput: (text) => {
        setValue(item.id, text);
        saveSoon();
        refresh();
      },
    });
    controls.set(item.id, made);
    return made.wrapper;
  }

  function group(legend, hint, items, kind) {
    if (!items.length) {
      return null;
    }
    const hintId = uid("studio-hint");
    return h(
      "fieldset",
      { class: `guide-studio__group guide-studio__group--${kind}`, "aria-describedby": hintId },
      h("legend", { text: legend }),
      h("p", { id: hintId, class: "guide-hint", text: hint }),
      h("div", { class: "guide-grid" }, items.map(fieldFor)),
    );
  }

  const sharedItems = fields.filter((item) => shared.has(item.id));
  const ownItems = fields.filter((item) => !shared.has(item.id));
  const formStatus = h("p", { class: "guide-studio__status", role: "status" });
  const sayForm = liveRegion(formStatus);
  const clearButton = h("button", { type: "button", class: "guide-button", "data-focus-key": "studio-clear", text: t("studio.clear") });
  clearButton.addEventListener("click", clearForm);
  const form = h(
    "form",
    { class: "guide-studio__form", "aria-label": t("studio.formLabel"), on: { submit: (event) => event.preventDefault() } },
    group(t("studio.sharedLegend"), t("studio.sharedHint"), sharedItems, "shared"),
    group(t("studio.ownLegend"), t("studio.ownHint"), ownItems, "own"),
    fields.length ? h("div", { class: "guide-actions" }, clearButton) : null,
    fields.length ? formStatus : null,
  );

  // --- The preview ----------------------------------------------------------------------------------
  const previewId = uid("studio-preview");
  const subjectText = h("span", { class: "guide-studio__subject-text" });
  const bodyText = h("div", { class: "guide-studio__body" });
  const paper = h(
    "div",
    { class: "guide-studio__paper" },
    hasSubject ? h("p", { class: "guide-studio__subject" }, h("span", { class: "guide-studio__label", text: t("studio.subject") }), " ", subjectText) : null,
    bodyText,
  );
  const countValue = h("span", { class: "guide-studio__count-value" });
  const countNote = h("span", { class: "guide-studio__count-note" });
  const count = h("p", { class: "guide-studio__count" }, countValue, " ", countNote);
  const warning = h("p", { class: "guide-studio__warning", role: "status" });
  const extra = h("p", { class: "guide-studio__extra" });
  const copyStatus = h("p", { class: "guide-studio__status", role: "status" });
  const sayCopy = liveRegion(copyStatus);
  const actions = h("div", { class: "guide-actions guide-studio__actions" });
  if (hasSubject) {
    actions.append(copyButton(t("studio.copySubject"), () => joinPieces(subjectPieces), "studio.copiedSubject", subjectText, "studio-copy-subject"));
  }
  actions.append(copyButton(t(spoken ? "studio.copyBodySpoken" : "studio.copyBody"), () => joinPieces(bodyPieces), "studio.copiedBody", bodyText, "studio-copy-body"));
  const mailHintId = uid("studio-mail-hint");
  const mailto =
    script.channel === "email"
      ? h("a", { class: "guide-button guide-button--primary", href: "mailto:", "aria-describedby": mailHintId, "data-focus-key": "studio-mailto", text: t("studio.mailto") })
      : null;
  if (mailto) {
    actions.append(mailto);
  }

  const preview = h(
    "section",
    { class: "guide-studio__preview", "aria-labelledby": previewId },
    h("h3", { id: previewId, text: t(spoken ? "studio.previewSpoken" : "studio.preview") }),
    paper,
    h("div", { class: "guide-studio__measure" }, count, warning, extra),
    actions,
    mailto ? h("p", { id: mailHintId, class: "guide-hint", text: t("studio.mailtoHint") }) : null,
    copyStatus,
  );

  const headingId = uid("studio-heading");
  const noticeSlot = h("div", { class: "guide-studio__notice", hidden: true });
  const app = h(
    "section",
    { class: "guide-tool guide-studio__app", "aria-labelledby": headingId },
    h("h2", { id: headingId, text: t("studio.heading") }),
    noticeSlot,
    h("p", { class: "guide-studio__intro", text: t("studio.intro") }),
    form,
    preview,
  );

  // --- Keeping it current ---------------------------------------------------------------------------
  let subjectPieces = [];
  let bodyPieces = [];
  let wasOver = null;
  function refresh() {
    const answers = values();
    subjectPieces = hasSubject ? fillParts(script.subject_parts, answers, blank, true) : [];
    bodyPieces = fillParts(script.body_parts, answers, blank);
    showPieces(subjectText, subjectPieces);
    showPieces(bodyText, bodyPieces);
    const subject = joinPieces(subjectPieces);
    const body = joinPieces(bodyPieces);
    // Blanks are measured at their examples' length, so an empty form is not "too long" for its
    // placeholders, and a half-filled one shows about how long the finished message will be.
    const measured = joinPieces(fillParts(script.body_parts, answersOrExamples(answers), blank));
    const blanks = bodyPieces.some((piece) => piece.blank);
    const length = measure(measured, script.budget);
    const words = length.unit === "words";
    countValue.textContent = Number.isFinite(length.limit) ? t(words ? "studio.countWords" : "studio.countCharacters", length) : "";
    countNote.textContent = blanks ? t("studio.countBlanks") : "";
    if (length.over !== wasOver) {
      wasOver = length.over;
      warning.textContent = length.over ? t(words ? "studio.overWords" : "studio.overCharacters", length) : "";
      app.classList.toggle("guide-studio__app--over", length.over);
    }
    if (spoken) {
      extra.textContent = t("studio.speaking", { duration: duration(textSeconds(measured)) });
    } else if (script.channel === "linkedin") {
      const fit = linkedinFit(measured);
      const key = { free: "studio.linkedinFree", premium: "studio.linkedinPremium", neither: "studio.linkedinNeither" }[fit.fits];
      extra.textContent = t(key, { count: fit.count });
      extra.dataset.fits = fit.fits;
    }
    extra.hidden = !extra.textContent;
    if (mailto) {
      mailto.href = mailtoHref(subject, body);
    }
  }

  /** Put the stored answers back in the form (after another tab, an import or a reset changed them). */
  function syncControls() {
    for (const [id, made] of controls) {
      const wanted = valueOf(id);
      if (made.control.value !== wanted) {
        made.control.value = wanted;
        made.refresh();
      }
    }
    refresh();
  }

  function copyButton(label, text, done, target, focusKey) {
    const button = h("button", { type: "button", class: "guide-button", "data-focus-key": focusKey, text: label });
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(text());
        sayCopy(t(done));
      } catch {
        window.getSelection()?.selectAllChildren(target);
        sayCopy(t("studio.copyRefused"));
      }
    });
    return button;
  }

  async function clearForm() {
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
    saveSoon.cancel();
    store.update((data) => {
      const record = data.scripts[scriptId];
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
    syncControls();
    sayForm(t(answer === "all" || !sharedItems.length ? "studio.cleared" : "studio.clearedOwn"));
  }

  function onChange(event) {
    if (event.detail.source !== SOURCE) {
      saveSoon.cancel();
      syncControls();
    }
  }
  function flush() {
    saveSoon.flush();
  }
  function onHidden() {
    if (document.visibilityState === "hidden") {
      saveSoon.flush();
    }
  }

  refresh();
  root.replaceChildren(app);
  root.classList.add("guide-studio--ready");
  store.addEventListener("change", onChange);
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", onHidden);
  const stopNotice = mountStoreNotice(noticeSlot, syncControls);

  return () => {
    saveSoon.flush();
    store.removeEventListener("change", onChange);
    window.removeEventListener("pagehide", flush);
    document.removeEventListener("visibilitychange", onHidden);
    stopNotice();
  };
}
