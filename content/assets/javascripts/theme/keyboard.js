// Keyboard access to Material's menus. Material draws the header's menu and search buttons, and
// inside the phone menu the arrows that open a section and the titles that go back, as <label>s
// for hidden checkboxes: a mouse can click them but the Tab key never reaches them. Here each one
// becomes a focusable button that Enter or Space presses, that says whether it is expanded and,
// when it has no text, is named with words already on the page (so translations carry over).
// In the open phone menu, focus follows the panel that slides in or out; Escape closes the menu.
// With Material's instant navigation the menus are set up again on every page it shows.
(function () {
  "use strict";

  var done = new WeakSet();

  function drawer() {
    return document.getElementById("__drawer");
  }

  function drawerOpen() {
    var toggle = drawer();
    return Boolean(toggle && toggle.checked);
  }

  function closeDrawer() {
    var toggle = drawer();
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
    var candidates = container.querySelectorAll("a[href], [tabindex='0']");
    for (var i = 0; i < candidates.length; i++) {
      if (candidates[i].checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
        return candidates[i];
      }
    }
    return null;
  }

  function makeButton(label, name, afterPress) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle || done.has(label)) {
      return;
    }
    done.add(label);
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    if (name && !textOf(label)) {
      label.setAttribute("aria-label", name);
    }
    function sync() {
      label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }
    toggle.addEventListener("change", sync);
    label.addEventListener("click", function () {
      window.setTimeout(function () {
        sync();
        if (afterPress) {
          afterPress(toggle);
        }
      }, 0);
    });
    label.addEventListener("keydown", function (event) {
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
      ":scope > label.md-nav__link, :scope > .md-nav__container > label.md-nav__link"
    );
  }

  function setUp() {
    var primary = document.querySelector(".md-nav--primary");
    var menu = menuButton();
    var searchInput = document.querySelector(".md-search__input");
    var search = document.querySelector("label.md-header__button[for='__search']");
    if (menu && primary) {
      // Named like Material's navigation; the open menu covers the page like a dialog, so focus
      // moves into it (and leaving it, by Tab or Escape, closes it: see below).
      makeButton(menu, primary.getAttribute("aria-label"), function (toggle) {
        var first = toggle.checked && sidebar() ? firstVisibleIn(sidebar()) : null;
        if (first) {
          first.focus();
        }
      });
    }
    if (search && searchInput) {
      makeButton(search, searchInput.getAttribute("aria-label"));
    }
    if (!primary) {
      return;
    }
    primary.querySelectorAll("label.md-nav__link[for]").forEach(function (label) {
      var link = label.parentElement.querySelector(":scope > a.md-nav__link");
      makeButton(label, textOf(link), function (toggle) {
        var title = panelTitle(toggle);
        if (drawerOpen() && toggle.checked && title) {
          title.focus();
        }
      });
    });
    primary.querySelectorAll("label.md-nav__title[for]").forEach(function (label) {
      if (label.htmlFor === "__drawer") {
        return; // the menu's own title holds the home link; Escape and the menu button close it
      }
      makeButton(label, "", function (toggle) {
        var back = opener(toggle);
        if (drawerOpen() && !toggle.checked && back) {
          back.focus();
        }
      });
    });
  }

  document.addEventListener("focusin", function (event) {
    var menu = menuButton();
    var side = sidebar();
    if (drawerOpen() && side && event.target !== menu && !side.contains(event.target)) {
      closeDrawer();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawerOpen()) {
      closeDrawer();
      var menu = menuButton();
      if (menu) {
        menu.focus();
      }
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp); // Material's instant navigation: every page it shows
  } else {
    setUp();
  }
})();
