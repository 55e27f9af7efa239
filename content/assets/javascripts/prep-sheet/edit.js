// How the prep sheet's sections change the sheet they show: through the store, on the sheet found by id
// in the data the store's callback hands over. With no sheet stored, the page shows a blank one that is
// stored (as the active sheet) with its first change, so opening the page saves nothing by itself.

import { activeSheet, sheetName, touch } from "../core/sheets.js";
import { emptySheet, store } from "../core/store.js";

/** The source of the store's "change" events this page causes (and need not redraw for). */
export const SOURCE = "prep-sheet";

/** The sheet the page shows: the active one, or a blank one (stored when first changed). */
export function shownSheet(data) {
  return activeSheet(data) || emptySheet(data.profile);
}

/** `shown` as `data` holds it, put there if it is the blank sheet; it becomes the active sheet. */
export function sheetIn(data, shown) {
  let sheet = data.prepSheets.find((candidate) => candidate.id === shown.id);
  if (!sheet) {
    sheet = shown;
    data.prepSheets.push(sheet);
  }
  data.activePrepSheet = sheet.id;
  return sheet;
}

/** Change the shown sheet and save at once: `mutate(sheet, data)` gets the stored sheet. */
export function changeSheet(shown, mutate) {
  store.update((data) => mutate(sheetIn(data, shown), data), SOURCE);
}

/** Change the shown sheet as typing does, saved once typing pauses; the sheet is marked as changed. */
export function typeIntoSheet(shown, mutate) {
  store.updateSoon((data) => {
    const sheet = sheetIn(data, shown);
    mutate(sheet, data);
    touch(sheet);
  }, SOURCE);
}

/** The sheets the page lists: the stored ones, and the blank sheet shown while none is stored. */
export function listedSheets(data, shown) {
  return data.prepSheets.some((sheet) => sheet.id === shown.id) ? data.prepSheets : [...data.prepSheets, shown];
}

/** A sheet's name as the page lists it (an untitled one is numbered by its place in the list). */
export function listedName(data, shown, sheet) {
  return sheetName({ ...data, prepSheets: listedSheets(data, shown) }, sheet);
}
