/*
 * Keyboard access to wide tables. Material wraps every table in a scrolling box; when the
 * table is wider than the screen (a phone, a big zoom), the box takes focus so that the
 * arrow keys can scroll it (axe-core: scrollable-region-focusable). Runs after Material
 * has wrapped the tables of the page (document$ is Material's page observable).
 */
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
    }
  });
});

/*
 * Material puts each code block's copy button in a <nav>: with several blocks a screen
 * reader lists several unnamed navigation landmarks that lead nowhere (axe-core:
 * landmark-unique). They are not navigation; the button stays as it is.
 */
document$.subscribe(function () {
  document.querySelectorAll("nav.md-code__nav").forEach(function (nav) {
    nav.setAttribute("role", "none");
  });
});
