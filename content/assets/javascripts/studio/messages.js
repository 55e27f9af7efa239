// The words of the outreach script studio (studio.js) on the scripts/<id>/ pages.

import { addMessages } from "../core/strings.js";

addMessages("en", {
  "studio.heading": "Write your own",
  "studio.intro": "Fill in the blanks: your message is put together below as you type, ready to copy. What you type stays in this browser.",
  "studio.formLabel": "Your details for this script",
  "studio.whoLegend": "Who you are",
  "studio.whoHint": "Choose what describes you best: the message introduces you that way, with the details it asks for below. Remembered for every script.",
  "studio.keepOptional": "{label}: “{words}”",
  "studio.sharedLegend": "Shared with the other scripts",
  "studio.sharedHint": "Your name, your contact's name and the like: remembered in this browser and filled in on every outreach script that asks for them.",
  "studio.ownLegend": "Only for this message",
  "studio.ownHint": "Kept with this script only.",
  "studio.blank": "[{label}]",
  "studio.preview": "Your message",
  "studio.previewSpoken": "What you will say",
  "studio.subject": "Subject:",
  "studio.reply": "Send this as a reply to {reply}, so that it stays in the same thread: copy the message, then answer that email.",
  "studio.countWords": "Length: {count} of {limit} words.",
  "studio.countCharacters": "Length: {count} of {limit} characters.",
  "studio.countBlanks": "Each blank is counted at the length of its example.",
  "studio.overWords":
    "This is longer than the {limit} words this script aims for. Try cutting a sentence or two: a short message is easier to say yes to.",
  "studio.overCharacters":
    "This is longer than the {limit} characters this script allows. Try shorter wording, or leave out a detail.",
  "studio.speaking": "About {duration} to say at an unhurried pace (150 words a minute).",
  "studio.seconds": { one: "1 second", other: "{count} seconds" },
  "studio.minutes": { one: "1 minute", other: "{count} minutes" },
  "studio.minutesSeconds": "{minutes} {seconds}",
  "studio.linkedinFree": {
    one: "1 character: fits the note of a LinkedIn connection request on any account (up to 200 characters).",
    other: "{count} characters: fits the note of a LinkedIn connection request on any account (up to 200 characters).",
  },
  "studio.linkedinPremium":
    "{count} characters: too long for a connection note from a free LinkedIn account (200 characters), but within the 300 a Premium account allows.",
  "studio.linkedinNeither":
    "{count} characters: too long for a LinkedIn connection note (200 characters, or 300 with Premium). Send it as a message once you are connected.",
  "studio.copySubject": "Copy subject",
  "studio.copyBody": "Copy message",
  "studio.copyBodySpoken": "Copy the script",
  "studio.copiedSubject": "Copied the subject.",
  "studio.copiedBody": "Copied the message.",
  "studio.copyRefused":
    "Your browser did not let this page copy. The text is selected in the preview: copy it with your browser's Copy command.",
  "studio.mailto": "Open in your email app",
  "studio.mailtoHint": "Opens a new email with this subject and message. Add your contact's address there before you send it.",
  "studio.clear": "Clear this form",
  "studio.clearTitle": "Clear this form?",
  "studio.clearShared":
    "Some of these details are shared with the other outreach scripts: clearing them here clears them there too.",
  "studio.clearOwn": "Clear this message's details only",
  "studio.clearAll": "Clear everything in this form",
  "studio.clearConfirm": "Clear the form",
  "studio.clearedOwn": "Cleared this message's own details. The details shared with the other scripts are kept.",
  "studio.cleared": "The form is empty.",
});
