// Keyboard access to Material's menus. Material draws the header's menu and search buttons, and
// inside the phone menu the arrows that open a section and the titles that go back, as <label>s
// for hidden checkboxes: a mouse can click them but the Tab key never reaches them. Here each one
// becomes a focusable button that Enter or Space presses, that says whether it is expanded and,
// when it has no text, is named with words already on the page (so translations carry over).
// In the open phone menu, focus follows the panel that slides in or out; Escape closes the menu.
// A control that Tab reaches while Material still holds the page still after search is brought into view.
// With Material's instant navigation the menus are set up again on every page it shows.
//
// A module (mkdocs.yml gives it `type: module`), so nothing here becomes a global; it runs once the
// page is parsed, before Material announces the page on `document$`.

/** The labels already made into buttons, so a page set up again keeps one set of listeners. */
const done = new WeakSet();

function drawer() {
  return document.getElementById("__drawer");
}

function drawerOpen() {
  const toggle = drawer();
  return Boolean(toggle && toggle.checked);
}

function closeDrawer() {
  const toggle = drawer();
  toggle.checked = false;
  toggle.dispatchEvent(new Event("change"));
}

function menuButton() {
  return document.querySelector("label.md-header__button[for='__drawer']");
}

function sidebar() {
  return document.querySelector(".md-sidebar--primary");
}

function textOf(element) {
  return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
}

function firstVisibleIn(container) {
  for (const candidate of container.querySelectorAll("a[href], [tabindex='0']")) {
    if (candidate.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
      return candidate;
    }
  }
  return null;
}

/** Make a checkbox's label a button named `name` (if it has no text); `afterPress(toggle)` follows a press. */
function makeButton(label, name, afterPress) {
  const toggle = document.getElementById(label.htmlFor);
  if (!toggle || done.has(label)) {
    return;
  }
  done.add(label);
  label.setAttribute("tabindex", "0");
  label.setAttribute("role", "button");
  if (name && !textOf(label)) {
    label.setAttribute("aria-label", name);
  }
  const sync = () => label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  toggle.addEventListener("change", sync);
  label.addEventListener("click", () => {
    window.setTimeout(() => {
      sync();
      if (afterPress) {
        afterPress(toggle);
      }
    }, 0);
  });
  label.addEventListener("keydown", (event) => {
    // Material's own handler already clicks a focused label on Enter; Space is ours.
    if (event.key === " ") {
      event.preventDefault();
      label.click();
    }
  });
  sync();
}

// A section's arrow opens its panel, whose title goes back; focus goes along.
function panelTitle(toggle) {
  return toggle.parentElement.querySelector(":scope > .md-nav > .md-nav__title");
}

function opener(toggle) {
  return toggle.parentElement.querySelector(
    ":scope > label.md-nav__link, :scope > .md-nav__container > label.md-nav__link",
  );
}

/** The header's menu and search buttons. */
function setUpHeader(primary) {
  const menu = menuButton();
  const searchInput = document.querySelector(".md-search__input");
  const search = document.querySelector("label.md-header__button[for='__search']");
  if (menu && primary) {
    // Named like Material's navigation; the open menu covers the page like a dialog, so focus
    // moves into it (and leaving it, by Tab or Escape, closes it: see below).
    makeButton(menu, primary.getAttribute("aria-label"), (toggle) => {
      const first = toggle.checked && sidebar() ? firstVisibleIn(sidebar()) : null;
      if (first) {
        first.focus();
      }
    });
  }
  if (search && searchInput) {
    makeButton(search, searchInput.getAttribute("aria-label"));
  }
}

/** The phone menu's section arrows and the titles that go back. */
function setUpSections(primary) {
  for (const label of primary.querySelectorAll("label.md-nav__link[for]")) {
    const link = label.parentElement.querySelector(":scope > a.md-nav__link");
    makeButton(label, textOf(link), (toggle) => {
      const title = panelTitle(toggle);
      if (drawerOpen() && toggle.checked && title) {
        title.focus();
      }
    });
  }
  for (const label of primary.querySelectorAll("label.md-nav__title[for]")) {
    if (label.htmlFor === "__drawer") {
      continue; // the menu's own title holds the home link; Escape and the menu button close it
    }
    makeButton(label, "", (toggle) => {
      const back = opener(toggle);
      if (drawerOpen() && !toggle.checked && back) {
        back.focus();
      }
    });
  }
}

/** Make every menu control on the page a button. */
function setUp() {
  const primary = document.querySelector(".md-nav--primary");
  setUpHeader(primary);
  if (primary) {
    setUpSections(primary);
  }
}

/** Focus that leaves the open menu (other than to its button) closes it. */
function closeOnFocusOutside(event) {
  const menu = menuButton();
  const side = sidebar();
  if (drawerOpen() && side && event.target !== menu && !side.contains(event.target)) {
    closeDrawer();
  }
}

/** Escape closes the open menu and gives focus back to its button. */
function closeOnEscape(event) {
  if (event.key === "Escape" && drawerOpen()) {
    closeDrawer();
    const menu = menuButton();
    if (menu) {
      menu.focus();
    }
  }
}

/**
 * On a phone Material fixes the page in place while search is open (body[data-md-scrolllock]) and lets
 * go of it 100 ms after search closes. A control that Tab reaches in between cannot scroll into view,
 * and the browser does not try again, so once the page is free the focused control is brought into view.
 */
function showFocusAfterSearch() {
  if (document.body.hasAttribute("data-md-scrolllock")) {
    return;
  }
  const focused = document.activeElement;
  if (!focused || focused === document.body || focused === document.documentElement) {
    return;
  }
  const box = focused.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) {
    focused.scrollIntoView({ block: "center", inline: "nearest" });
  }
}

new MutationObserver(showFocusAfterSearch).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-scrolllock"],
});
document.addEventListener("focusin", closeOnFocusOutside);
document.addEventListener("keydown", closeOnEscape);
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(setUp); // Material's instant navigation: every page it shows
} else {
  setUp();
}
