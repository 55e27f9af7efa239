// The words of the contact tracker's spreadsheet (CSV) file itself: its column headings and the words of
// its choices (channel, status, permission to use a name), which rows.js writes in the page's language.
// English writes each choice as the tracker keeps it ("meeting booked"). A file made in one language
// imports in the other: rows.js also reads the words in csv-languages.js, every language's.

import { addMessages } from "../core/strings.js";

addMessages("en", {
  "tracker.csv.name": "Name",
  "tracker.csv.role": "Role",
  "tracker.csv.organization": "Organization",
  "tracker.csv.found": "How you found them",
  "tracker.csv.referredByName": "Referred by",
  "tracker.csv.channel": "Channel",
  "tracker.csv.status": "Status",
  "tracker.csv.contacted": "Contacted",
  "tracker.csv.followedUp": "Followed up",
  "tracker.csv.meeting": "Meeting",
  "tracker.csv.meetingTime": "Meeting time",
  "tracker.csv.timeZone": "Time zone",
  "tracker.csv.thankYouSent": "Thank-you sent",
  "tracker.csv.referrerTold": "Told the referrer",
  "tracker.csv.updateSent": "Last progress update",
  "tracker.csv.nextFollowUp": "Next follow-up",
  "tracker.csv.permission": "May use their name",
  "tracker.csv.notes": "Notes",
  "tracker.csv.actions": "Action steps",
  "tracker.csv.created": "Created",
  "tracker.csv.updated": "Updated",
  "tracker.csv.id": "ID",
  "tracker.csv.referredBy": "Referred by (ID)",
  "tracker.csv.channel.email": "email",
  "tracker.csv.channel.linkedin": "linkedin",
  "tracker.csv.channel.phone": "phone",
  "tracker.csv.channel.in person": "in person",
  "tracker.csv.channel.other": "other",
  "tracker.csv.status.to contact": "to contact",
  "tracker.csv.status.contacted": "contacted",
  "tracker.csv.status.meeting booked": "meeting booked",
  "tracker.csv.status.met": "met",
  "tracker.csv.status.thanked": "thanked",
  "tracker.csv.status.keeping in touch": "keeping in touch",
  "tracker.csv.permission.not asked": "not asked",
  "tracker.csv.permission.yes": "yes",
  "tracker.csv.permission.no": "no",
});
