// Keyboard access to Material's menus. Material draws the header's menu and search buttons, and
// inside the phone menu the arrows that open a section and the titles that go back, as <label>s
// for hidden checkboxes: a mouse can click them but the Tab key never reaches them. Here each one
// becomes a focusable button that Enter or Space presses, that says whether it is expanded and,
// when it has no text, is named with words already on the page (so translations carry over).
// In the open phone menu, focus follows the panel that slides in or out; Escape closes the menu.
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");

  function drawerOpen() {
    return Boolean(drawer && drawer.checked);
  }

  function textOf(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function makeButton(label, name, afterPress) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle) {
      return;
    }
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

  // Header: the menu (named like Material's navigation) and search (named like its search box).
  var menu = document.querySelector("label.md-header__button[for='__drawer']");
  var primary = document.querySelector(".md-nav--primary");
  var sidebar = document.querySelector(".md-sidebar--primary");

  function firstVisibleIn(container) {
    var candidates = container.querySelectorAll("a[href], [tabindex='0']");
    for (var i = 0; i < candidates.length; i++) {
      if (candidates[i].checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
        return candidates[i];
      }
    }
    return null;
  }

  function closeDrawer() {
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
  }

  if (menu && primary && sidebar) {
    makeButton(menu, primary.getAttribute("aria-label"), function (toggle) {
      // The open menu covers the page like a dialog: focus moves into it...
      var first = toggle.checked ? firstVisibleIn(sidebar) : null;
      if (first) {
        first.focus();
      }
    });
    // ...and leaving it (Tab past either end, or Escape) closes it.
    document.addEventListener("focusin", function (event) {
      if (drawerOpen() && event.target !== menu && !sidebar.contains(event.target)) {
        closeDrawer();
      }
    });
  }
  var search = document.querySelector("label.md-header__button[for='__search']");
  var searchInput = document.querySelector(".md-search__input");
  if (search && searchInput) {
    makeButton(search, searchInput.getAttribute("aria-label"));
  }

  // Inside the menu: a section's arrow opens its panel, whose title goes back.
  function panelTitle(toggle) {
    return toggle.parentElement.querySelector(":scope > .md-nav > .md-nav__title");
  }
  function opener(toggle) {
    return toggle.parentElement.querySelector(
      ":scope > label.md-nav__link, :scope > .md-nav__container > label.md-nav__link"
    );
  }
  if (primary) {
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

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawerOpen()) {
      closeDrawer();
      if (menu) {
        menu.focus();
      }
    }
  });
})();
