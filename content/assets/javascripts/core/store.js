// The page's copy of the visitor's data (store-data.js describes it), kept in this browser's localStorage
// and saved through `store.update` and `store.updateSoon`: the one module that writes localStorage.
// store-data.js holds the schema and the pure functions on it, with no window, so Node's tests import it.

import { EXPORT_FORMAT, SCHEMA_VERSION, STORAGE_KEY, emptyData, readData } from "./store-data.js";

// What the tools import from the store besides `store` itself.
export {
  DEFAULT_LENGTH,
  EXPORT_FORMAT,
  SCHEMA_VERSION,
  STORAGE_KEY,
  emptySheet,
  newId,
} from "./store-data.js";

/** How long typing must pause before `updateSoon` saves: a save per keystroke would be wasted work. */
export const SAVE_PAUSE_MS = 400;

// --- The store -----------------------------------------------------------------------------------------

function browserStorage() {
  try {
    const storage = window.localStorage;
    const probe = `${STORAGE_KEY}:probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * The page's copy of the visitor's data. Events: "change" (detail.source says who changed it: a tool's
 * name, "other-tab", "import", "reset") and "problem" (store.problem changed).
 */
class Store extends EventTarget {
  constructor() {
    super();
    this.storage = browserStorage();
    this.data = emptyData();
    this.problem = null;
    this.raw = null;
    this.pending = null;
    this.pendingTimer = 0;
    this.load();
    // What typing changed is saved when the visitor leaves or hides the page, not lost with it.
    window.addEventListener("pagehide", () => this.flush());
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && this.flush());
    window.addEventListener("storage", (event) => {
      if (event.key === STORAGE_KEY || event.key === null) {
        this.load();
        this.emit("change", { source: "other-tab" });
      }
    });
  }

  /**
   * Read the stored data again. What this tab was typing and has not saved yet is applied again over
   * it, so a change saved by another tab meanwhile and this tab's typing are both kept.
   */
  load() {
    if (!this.storage) {
      this.setProblem({ kind: "unavailable" });
      return;
    }
    let text = null;
    try {
      text = this.storage.getItem(STORAGE_KEY);
    } catch {
      this.setProblem({ kind: "unavailable" });
      return;
    }
    const { data, problem } = readData(text);
    this.raw = text;
    this.data = data;
    for (const change of this.pending?.changes ?? []) {
      change(this.data);
    }
    this.setProblem(problem);
  }

  /**
   * Before a write, read the store again if another tab has changed it since this one last did: the
   * "storage" event that says so may not have arrived yet, and saving the page's older copy over the
   * other tab's would lose its change.
   */
  catchUp() {
    if (!this.storage || !this.saving) {
      return;
    }
    let text = this.raw;
    try {
      text = this.storage.getItem(STORAGE_KEY);
    } catch {
      return; // the write that follows reports it
    }
    if (text !== this.raw) {
      this.load();
    }
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  setProblem(problem) {
    const changed = JSON.stringify(problem) !== JSON.stringify(this.problem);
    this.problem = problem;
    if (changed) {
      this.emit("problem", { problem });
    }
  }

  /** Whether changes are being saved (no unresolved problem with what is stored). */
  get saving() {
    return !this.problem || this.problem.kind === "unsaved";
  }

  /** Change the data with `mutate(data)` and save it; returns whether it was saved. */
  update(mutate, source) {
    this.flush();
    this.catchUp();
    mutate(this.data);
    const saved = this.save();
    this.emit("change", { source });
    return saved;
  }

  /**
   * Change the data with `mutate(data)` now, and save it once changes pause for SAVE_PAUSE_MS (as
   * typing does), or at once on `flush()`, on the next `update` and when the page is hidden.
   */
  updateSoon(mutate, source) {
    this.catchUp();
    mutate(this.data);
    this.pending = { source, changes: [...(this.pending?.changes ?? []), mutate] };
    window.clearTimeout(this.pendingTimer);
    this.pendingTimer = window.setTimeout(() => this.flush(), SAVE_PAUSE_MS);
  }

  /** Save now what `updateSoon` holds back; returns whether everything is saved. */
  flush() {
    window.clearTimeout(this.pendingTimer);
    if (!this.pending) {
      return true;
    }
    this.catchUp();
    const { source } = this.pending;
    this.pending = null;
    const saved = this.save();
    this.emit("change", { source });
    return saved;
  }

  /** Write the page's copy to localStorage, unless a problem with what is stored forbids it. */
  save() {
    if (!this.storage || !this.saving) {
      return false;
    }
    const text = JSON.stringify(this.data);
    try {
      this.storage.setItem(STORAGE_KEY, text);
    } catch {
      this.setProblem({ kind: "unsaved" });
      return false;
    }
    this.raw = text;
    if (this.problem) {
      this.setProblem(null);
    }
    return true;
  }

  /** Everything, as the text of an export file. */
  exportText() {
    const body = { format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt: new Date().toISOString(), data: this.data };
    return `${JSON.stringify(body, null, 1)}\n`;
  }

  /** Put imported data in place (mode "merge" or "replace") and save it; settles when it is saved. */
  async importData(imported, mode) {
    const { mergeData } = await import("./store-import.js"); // only an import needs it: see that module
    this.flush();
    this.data = mode === "replace" ? imported : mergeData(this.data, imported);
    if (this.problem && this.problem.kind !== "unavailable") {
      this.setProblem(null);
    }
    this.save();
    this.emit("change", { source: "import" });
  }

  /** Save what could be read of a damaged store, dropping the rest. */
  keepReadable() {
    this.setProblem(null);
    this.save();
    this.emit("change", { source: "reset" });
  }

  /** Forget everything: the stored data and the page's copy. */
  clear() {
    window.clearTimeout(this.pendingTimer);
    this.pending = null;
    this.data = emptyData();
    if (this.storage) {
      try {
        this.storage.removeItem(STORAGE_KEY);
      } catch {
        // Nothing stored to remove.
      }
    }
    this.raw = null;
    this.setProblem(this.storage ? null : { kind: "unavailable" });
    this.emit("change", { source: "reset" });
  }
}

export const store = new Store();
