// The panel of problems that `mkdocs serve` shows over each page (generator/site/preview_problems.py):
// it takes the focus when the page opens, so that a screen reader reads it at once, and the button or
// Escape hides it until the next rebuild reloads the page.

const panel = document.querySelector("[data-guide-preview-problems]");

function hide() {
  panel.remove();
}

if (panel) {
  panel.focus();
  panel.querySelector("[data-guide-preview-hide]").addEventListener("click", hide);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      hide();
    }
  });
}
