// A module that a page needs only now and then (a dialog, the saved-data notice, the data panel's work),
// loaded with a dynamic import the first time it is used rather than with the page.

/**
 * `importer()` loads the module (`() => import("./x.js")`). `use(work)` runs `work(module)`: at once
 * when the module is loaded, otherwise once it is; it returns a promise of what `work` returns.
 * `prefetch()` starts loading without waiting. A failed load is tried again at the next use.
 */
export function onDemand(importer) {
  const state = { loading: null, module: null };
  function load() {
    state.loading ||= importer().then(
      (module) => (state.module = module),
      (error) => {
        state.loading = null;
        throw error;
      },
    );
    return state.loading;
  }
  return {
    use(work) {
      // Once loaded, `work` runs in the caller's own task (a click, say), as if the module were static.
      return state.module ? new Promise((resolve) => resolve(work(state.module))) : load().then(work);
    },
    prefetch() {
      // A failure here is left for `use`, which tries again and lets its caller report it.
      load().catch(() => {});
    },
    get loaded() {
      return state.module !== null;
    },
  };
}
