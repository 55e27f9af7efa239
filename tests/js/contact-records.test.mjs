// core/contact-records.js: a contact as the store keeps it, and reading stored or imported contacts.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  CHANNELS,
  DATE_FIELDS,
  PERMISSIONS,
  STATUSES,
  TEXT_FIELDS,
  isDate,
  normaliseContact,
  normaliseContacts,
  relink,
} from "../../content/assets/javascripts/core/contact-records.js";

/** A whole contact as normaliseContact returns it, with `overrides`. */
function contact(overrides = {}) {
  return {
    id: "c1",
    name: "Ana Silva",
    role: "Analyst",
    organization: "City of Ottawa",
    found: "Alumni list",
    notes: "Likes data",
    actions: "Read the report",
    referredBy: "",
    channel: "linkedin",
    status: "met",
    permission: "yes",
    contacted: "2024-01-02",
    followedUp: "",
    meeting: "2024-01-10",
    thankYouSent: "2024-01-11",
    referrerTold: "",
    updateSent: "",
    nextFollowUp: "2024-04-01",
    meetingTime: "10:30",
    timeZone: "America/Regina",
    created: "2024-01-01T12:00:00.000Z",
    updated: "2024-01-11T08:00:00.000Z",
    ...overrides,
  };
}

const read = (input) => {
  const lost = { count: 0 };
  return { contact: normaliseContact(input, lost), lost: lost.count };
};

describe("the allowed values", () => {
  test("are the guide's plain words", () => {
    assert.deepEqual(STATUSES, ["to contact", "contacted", "meeting booked", "met", "thanked", "keeping in touch"]);
    assert.deepEqual(CHANNELS, ["email", "linkedin", "phone", "in person", "other"]);
    assert.deepEqual(PERMISSIONS, ["not asked", "yes", "no"]);
    assert.deepEqual(TEXT_FIELDS, ["name", "role", "organization", "found", "notes", "actions"]);
    assert.deepEqual(DATE_FIELDS, [
      "contacted",
      "followedUp",
      "meeting",
      "thankYouSent",
      "referrerTold",
      "updateSent",
      "nextFollowUp",
    ]);
  });
});

describe("isDate", () => {
  test("accepts real calendar dates written yyyy-mm-dd", () => {
    for (const value of ["2024-02-29", "2023-12-31", "2000-02-29", "1999-01-01"]) {
      assert.equal(isDate(value), true, value);
    }
  });

  test("refuses dates that do not exist and other ways of writing them", () => {
    const refused = ["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-05",
      "24-01-05", "2024/01/05", " 2024-01-05", "2024-01-05T00:00", "", null, undefined, 20240105];
    for (const value of refused) {
      assert.equal(isDate(value), false, String(value));
    }
  });
});

describe("normaliseContact", () => {
  test("keeps a whole, valid contact as it is", () => {
    assert.deepEqual(read(contact()), { contact: contact(), lost: 0 });
  });

  test("fills in missing fields with their defaults, counting nothing lost", () => {
    assert.deepEqual(read({ id: "c9" }), {
      contact: {
        id: "c9",
        name: "",
        role: "",
        organization: "",
        found: "",
        notes: "",
        actions: "",
        referredBy: "",
        channel: "email",
        status: "to contact",
        permission: "not asked",
        contacted: "",
        followedUp: "",
        meeting: "",
        thankYouSent: "",
        referrerTold: "",
        updateSent: "",
        nextFollowUp: "",
        meetingTime: "",
        timeZone: "",
        created: "",
        updated: "",
      },
      lost: 0,
    });
  });

  test("drops unknown fields without counting them", () => {
    assert.deepEqual(read({ ...contact(), colour: "blue", __proto__x: 1 }), { contact: contact(), lost: 0 });
  });

  test("counts each value of the wrong type or outside the allowed ones, and empties it", () => {
    const wrong = { name: 42, notes: ["x"], channel: "fax", status: "MET", permission: true };
    const input = contact({ ...wrong, meeting: "2024-02-30", contacted: 20240102 });
    const defaults = { name: "", notes: "", channel: "email", status: "to contact", permission: "not asked" };
    const expected = contact({ ...defaults, meeting: "", contacted: "" });
    assert.deepEqual(read(input), { contact: expected, lost: 7 });
  });

  test("takes null and empty text as missing, not as lost", () => {
    const input = contact({ role: null, channel: "", status: null, permission: "", meeting: null, contacted: "" });
    const defaults = { role: "", channel: "email", status: "to contact", permission: "not asked" };
    const expected = contact({ ...defaults, meeting: "", contacted: "" });
    assert.deepEqual(read(input), { contact: expected, lost: 0 });
  });

  test("keeps timestamps only when they are text", () => {
    const { contact: read1 } = read(contact({ created: 1700000000000, updated: null }));
    assert.deepEqual(read1, contact({ created: "", updated: "" }));
  });

  test("drops a referral to the contact itself", () => {
    assert.deepEqual(read(contact({ referredBy: "c1" })), { contact: contact(), lost: 0 });
    assert.equal(read(contact({ referredBy: "c2" })).contact.referredBy, "c2");
    assert.equal(read(contact({ referredBy: 7 })).contact.referredBy, "");
  });

  test("refuses a contact without a usable id, counting it", () => {
    for (const input of [null, "c1", [], {}, { id: "" }, { id: 5 }, { id: "x".repeat(101) }]) {
      assert.deepEqual(read(input), { contact: null, lost: 1 }, JSON.stringify(input));
    }
    assert.equal(read({ id: "x".repeat(100) }).contact.id, "x".repeat(100));
  });
});

describe("normaliseContact: the meeting's time and zone", () => {
  test("a contact stored before they were kept has neither: the meeting is in the visitor's own zone", () => {
    const old = contact();
    delete old.meetingTime;
    delete old.timeZone;
    assert.deepEqual(read(old), { contact: contact({ meetingTime: "", timeZone: "" }), lost: 0 });
  });

  test("keeps them as text (they are checked where they are used), and counts a value that is not text", () => {
    assert.deepEqual(read(contact({ meetingTime: "25:00", timeZone: "Eastern time" })).lost, 0);
    assert.deepEqual(read(contact({ meetingTime: 930, timeZone: ["America/Toronto"] })), {
      contact: contact({ meetingTime: "", timeZone: "" }),
      lost: 2,
    });
  });
});

describe("normaliseContacts", () => {
  const readAll = (input) => {
    const lost = { count: 0 };
    return { contacts: normaliseContacts(input, lost), lost: lost.count };
  };

  test("reads no contacts when there are none, and counts a part that is not a list", () => {
    assert.deepEqual(readAll(undefined), { contacts: [], lost: 0 });
    assert.deepEqual(readAll({ c1: contact() }), { contacts: [], lost: 1 });
    assert.deepEqual(readAll(null), { contacts: [], lost: 1 });
  });

  test("keeps the first of two contacts with the same id, in order", () => {
    const input = [contact({ id: "a" }), contact({ id: "b" }), contact({ id: "a", name: "Other" })];
    assert.deepEqual(readAll(input), { contacts: [contact({ id: "a" }), contact({ id: "b" })], lost: 0 });
  });

  test("leaves out unreadable contacts and unlinks referrals to contacts that are not there", () => {
    const input = [contact({ id: "a", referredBy: "gone" }), "junk", contact({ id: "b", referredBy: "a" })];
    assert.deepEqual(readAll(input), {
      contacts: [contact({ id: "a", referredBy: "" }), contact({ id: "b", referredBy: "a" })],
      lost: 1,
    });
  });
});

describe("relink", () => {
  test("keeps links between contacts that are there and drops the others, in place", () => {
    const list = [contact({ id: "a", referredBy: "b" }), contact({ id: "b", referredBy: "z" }), contact({ id: "c" })];
    const result = relink(list);
    assert.equal(result, list);
    assert.deepEqual(result.map((item) => item.referredBy), ["b", "", ""]);
  });
});
