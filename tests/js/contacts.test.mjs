// tracker/contacts.js: dates, a new contact, checking a contact, next actions, sorting and finding.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  addDays,
  checkContact,
  emptyContact,
  isTime,
  markDone,
  nextActions,
  searchText,
  sortContacts,
  todayIso,
} from "../../content/assets/javascripts/tracker/contacts.js";

const CREATED = "2024-01-01T00:00:00.000Z";
const NOW = "2024-01-15T10:00:00.000Z";
const ID = /^contact-[0-9a-z]+-[0-9a-z]{8}$/;

/** A contact as the tracker keeps it: emptyContact's fields with `overrides`. */
function contact(overrides = {}) {
  return { ...emptyContact(CREATED), ...overrides };
}

describe("isTime", () => {
  test("a time is hh:mm on a 24-hour clock", () => {
    for (const good of ["00:00", "09:30", "23:59"]) {
      assert.equal(isTime(good), true, good);
    }
    for (const bad of ["9:30", "24:00", "12:60", "10:30:00", "", "noon", null, undefined]) {
      assert.equal(isTime(bad), false, String(bad));
    }
  });
});

describe("checkContact: the meeting's time", () => {
  test("needs the meeting's date, and a time the tracker can read", () => {
    assert.equal(checkContact(contact({ name: "Ana", meetingTime: "10:00" })).errors.meetingTime, "tracker.error.timeNoDate");
    assert.equal(checkContact(contact({ name: "Ana", meeting: "2026-01-15", meetingTime: "10h" })).errors.meetingTime, "tracker.error.time");
    assert.equal(checkContact(contact({ name: "Ana", meeting: "2026-01-15", meetingTime: "10:00" })).errors.meetingTime, undefined);
  });
});

describe("dates", () => {
  test("addDays crosses months, years and leap days, both ways", () => {
    assert.equal(addDays("2024-01-31", 1), "2024-02-01");
    assert.equal(addDays("2024-02-28", 1), "2024-02-29");
    assert.equal(addDays("2023-02-28", 1), "2023-03-01");
    assert.equal(addDays("2024-12-25", 7), "2025-01-01");
    assert.equal(addDays("2024-03-01", -1), "2024-02-29");
    assert.equal(addDays("2024-01-10", 90), "2024-04-09");
    assert.equal(addDays("2024-05-05", 0), "2024-05-05");
  });

  test("todayIso gives the local calendar date of the time it is given", () => {
    assert.equal(todayIso(new Date(2024, 0, 15, 0, 0, 1).getTime()), "2024-01-15");
    assert.equal(todayIso(new Date(2024, 11, 31, 23, 59, 59).getTime()), "2024-12-31");
    assert.equal(todayIso(new Date(2025, 2, 9, 12).getTime()), "2025-03-09");
  });

  test("todayIso reads the clock when no time is given", (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: new Date(2031, 6, 4, 13, 0).getTime() });
    assert.equal(todayIso(), "2031-07-04");
  });
});

describe("emptyContact", () => {
  test("has every field, the defaults and the time given", () => {
    const made = emptyContact(NOW);
    assert.match(made.id, ID);
    assert.deepEqual(made, {
      id: made.id,
      referredBy: "",
      channel: "email",
      status: "to contact",
      permission: "not asked",
      name: "",
      role: "",
      organization: "",
      found: "",
      notes: "",
      actions: "",
      contacted: "",
      followedUp: "",
      meeting: "",
      thankYouSent: "",
      referrerTold: "",
      updateSent: "",
      nextFollowUp: "",
      meetingTime: "",
      timeZone: "",
      created: NOW,
      updated: NOW,
    });
  });

  test("takes its id and times from the clock when no time is given", (t) => {
    const now = Date.UTC(2024, 2, 3, 4, 5, 6);
    t.mock.timers.enable({ apis: ["Date"], now });
    const made = emptyContact();
    assert.equal(made.created, "2024-03-03T04:05:06.000Z");
    assert.equal(made.updated, made.created);
    assert.ok(made.id.startsWith(`contact-${now.toString(36)}-`));
    assert.notEqual(emptyContact().id, made.id);
  });
});

describe("checkContact", () => {
  test("finds nothing wrong with a named contact and dates in order", () => {
    const ok = contact({ name: "Ana", contacted: "2024-01-02", meeting: "2024-01-10", thankYouSent: "2024-01-10" });
    assert.deepEqual(checkContact(ok), { errors: {}, questions: {} });
  });

  test("stops a contact without a name, with a date that is not one, or referred by itself", () => {
    const bad = contact({ id: "c1", name: "  ", meeting: "2024-02-30", nextFollowUp: "soon", referredBy: "c1" });
    assert.deepEqual(checkContact(bad), {
      errors: {
        name: "tracker.error.name",
        meeting: "tracker.error.date",
        nextFollowUp: "tracker.error.date",
        referredBy: "tracker.error.self",
      },
      questions: {},
    });
  });

  test("asks about dates out of order", () => {
    const dates = { contacted: "2024-01-10", followedUp: "2024-01-05", meeting: "2024-01-08", thankYouSent: "2024-01-07" };
    const odd = contact({ name: "Ana", ...dates });
    assert.deepEqual(checkContact(odd), {
      errors: {},
      questions: {
        thankYouSent: "tracker.question.thanksBeforeMeeting",
        meeting: "tracker.question.meetingBeforeContact",
        followedUp: "tracker.question.followUpBeforeContact",
      },
    });
  });

  test("asks nothing about a date that is already an error", () => {
    const odd = contact({ name: "Ana", contacted: "2024-01-10", meeting: "2024-13-01", thankYouSent: "2024-01-01" });
    assert.deepEqual(checkContact(odd), { errors: { meeting: "tracker.error.date" }, questions: {} });
  });
});

describe("nextActions", () => {
  const people = [
    contact({ id: "a", name: "Ana", status: "met", meeting: "2024-01-10" }),
    contact({ id: "b", name: "Bo", status: "contacted", contacted: "2024-01-05" }),
    contact({ id: "d", name: "Dee", status: "contacted", contacted: "2024-01-08", referredBy: "a" }),
    contact({ id: "e", name: "Eve", status: "thanked", thankYouSent: "2023-11-01" }),
    contact({ id: "f", name: "Fay", nextFollowUp: "2024-06-01" }),
    contact({ id: "g", name: "Gus", status: "met", meeting: "2024-01-11", thankYouSent: "2024-01-11" }),
  ];
  const summary = ({ actions, later }) => ({
    later,
    actions: actions.map(({ kind, contact: one, whom, due, state, script }) => [kind, one.id, whom.id, due, state, script]),
  });

  test("follows the guide's timing, soonest first, within 30 days", () => {
    assert.deepEqual(summary(nextActions(people, "2024-01-12")), {
      later: 1,
      actions: [
        ["thank-you", "a", "a", "2024-01-11", "overdue", "thank-you"],
        ["no-reply", "b", "b", "2024-01-12", "today", "follow-up-no-reply"],
        ["referrer", "d", "a", "2024-01-15", "soon", "referrer-update"],
        ["no-reply", "d", "d", "2024-01-15", "soon", "follow-up-no-reply"],
        ["update", "e", "e", "2024-01-30", "soon", "progress-update"],
      ],
    });
  });

  test("lists every action when the horizon is endless", () => {
    const { actions, later } = nextActions(people, "2024-01-12", Infinity);
    assert.equal(later, 0);
    assert.deepEqual(actions.at(-1).kind, "planned");
    assert.deepEqual([actions.at(-1).contact.id, actions.at(-1).due], ["f", "2024-06-01"]);
  });

  test("asks for a thank-you today when the meeting has no date", () => {
    const { actions } = nextActions([contact({ id: "m", name: "Mo", status: "met" })], "2024-02-02");
    assert.deepEqual(summary({ actions, later: 0 }).actions, [
      ["thank-you", "m", "m", "2024-02-02", "today", "thank-you"],
    ]);
  });

  test("marks each kind of action done with the change it records", () => {
    const today = "2024-01-12";
    assert.deepEqual(markDone({ kind: "thank-you" }, today), { thankYouSent: today, status: "thanked" });
    assert.deepEqual(markDone({ kind: "no-reply" }, today), { followedUp: today });
    assert.deepEqual(markDone({ kind: "referrer" }, today), { referrerTold: today });
    assert.deepEqual(markDone({ kind: "update" }, today), { updateSent: today, status: "keeping in touch" });
    assert.deepEqual(markDone({ kind: "planned" }, today), { nextFollowUp: "", updateSent: today });
  });
});

describe("sorting and finding", () => {
  const people = [
    contact({ id: "1", name: "zoë", status: "met", meeting: "2024-01-10" }),
    contact({ id: "2", name: "Ana 10", status: "to contact" }),
    contact({ id: "3", name: "Ana 9", status: "contacted", contacted: "2024-01-01" }),
    contact({ id: "4", name: "Émile", status: "to contact", nextFollowUp: "2024-03-01" }),
  ];
  const ids = (list) => list.map((item) => item.id);

  test("sorts by name as people read names: accents and case aside, numbers by value", () => {
    assert.deepEqual(ids(sortContacts(people, "name", "2024-01-12")), ["3", "2", "4", "1"]);
  });

  test("sorts by status in the order of the steps, then by name", () => {
    assert.deepEqual(ids(sortContacts(people, "status", "2024-01-12")), ["2", "4", "3", "1"]);
  });

  test("sorts by the next date something is due, contacts with none last", () => {
    assert.deepEqual(ids(sortContacts(people, "next", "2024-01-12")), ["3", "1", "4", "2"]);
  });

  test("returns a new list", () => {
    const sorted = sortContacts(people, "name", "2024-01-12");
    assert.notEqual(sorted, people);
    assert.deepEqual(ids(people), ["1", "2", "3", "4"]);
  });

  test("searches the contact's words and status", () => {
    const words = { name: "Ana", role: "Analyst", organization: "CRA", found: "Fair", notes: "n", actions: "a" };
    const one = contact({ ...words, status: "met" });
    assert.equal(searchText(one), "Ana Analyst CRA Fair n a met");
  });
});
