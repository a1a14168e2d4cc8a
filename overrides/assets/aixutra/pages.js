/* AI Xứ Trà: prompt cards (variable form, copy, "open in"), printable checklists and the
 * catalogue filters. Plain ES5 with no dependency: it must run on old browsers, offline and
 * from file://. Every part looks for its own elements and does nothing on other pages.
 * Without JavaScript the pages still work: prompts stay readable and selectable, the
 * catalogue is a plain list. UI text comes from data-* attributes written in the page's
 * language at build time. */
(function () {
  "use strict";

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* Prompt cards ---------------------------------------------------------------------- */

  function promptText(card) {
    return card.querySelector(".axt-prompt__text").textContent;
  }

  function fill(card) {
    var form = card.querySelector(".axt-prompt__form");
    var values = {};
    if (form) {
      each(form.elements, function (field) {
        if (field.name) { values[field.name] = field.value; }
      });
    }
    each(card.querySelectorAll(".axt-prompt__text .axt-slot"), function (slot) {
      if (!slot.hasAttribute("data-placeholder")) {
        slot.setAttribute("data-placeholder", slot.textContent);
      }
      var value = values[slot.getAttribute("data-slot")];
      var filled = typeof value === "string" && value.trim() !== "";
      slot.textContent = filled ? value : slot.getAttribute("data-placeholder");
      slot.className = filled ? "axt-slot axt-slot--filled" : "axt-slot";
    });
    updateOpenLinks(card);
  }

  // "Open in" starts a chat on a public site: only online, never from an offline copy.
  function online() {
    return /^https?:$/.test(window.location.protocol) && navigator.onLine !== false;
  }

  function updateOpenLinks(card) {
    each(card.querySelectorAll(".axt-prompt__open"), function (link) {
      var template = link.getAttribute("data-open") || "";
      if (template.indexOf("https://") !== 0 || template.indexOf("{prompt}") < 0) {
        link.hidden = true;
        return;
      }
      link.href = template.replace("{prompt}", encodeURIComponent(promptText(card)));
      link.hidden = !online();
    });
  }

  // The asynchronous clipboard needs a secure context and permission; file:// pages and old
  // browsers fall back to a hidden textarea and execCommand("copy").
  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.focus();
    area.select();
    area.setSelectionRange(0, text.length);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(text, done) {
    var clip = navigator.clipboard;
    if (clip && clip.writeText && window.isSecureContext) {
      try {
        clip.writeText(text).then(function () { done(true); }, function () { done(legacyCopy(text)); });
        return;
      } catch (e) { /* fall through to the textarea */ }
    }
    done(legacyCopy(text));
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function setupPrompt(card) {
    var form = card.querySelector(".axt-prompt__form");
    var actions = card.querySelector(".axt-prompt__actions");
    var button = card.querySelector(".axt-prompt__copy");
    var status = card.querySelector(".axt-prompt__status");
    if (form) {
      form.hidden = false;
      each(card.querySelectorAll("[data-axt-nojs]"), function (el) { el.hidden = true; });
      form.addEventListener("input", function () { fill(card); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    }
    if (actions) { actions.hidden = false; }
    if (button) {
      button.addEventListener("click", function () {
        copy(promptText(card), function (ok) {
          button.focus();  // the fallback moved the focus to its textarea
          if (ok) {
            status.textContent = button.getAttribute("data-copied");
            button.className = button.className.replace(/ ?axt-prompt__copy--done/, "") + " axt-prompt__copy--done";
          } else {
            selectText(card.querySelector(".axt-prompt__text"));
            status.textContent = button.getAttribute("data-failed");
          }
        });
      });
    }
    fill(card);
  }

  /* Printable checklist of a case study ----------------------------------------------- */

  function printOnly(section) {
    var holder = document.createElement("div");
    holder.id = "axt-print-only";
    holder.className = "md-typeset";
    var copyOf = section.cloneNode(true);
    each(copyOf.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    copyOf.removeAttribute("id");
    holder.appendChild(copyOf);
    document.body.appendChild(holder);
    document.documentElement.className += " axt-printing";
    var cleaned = false;
    function clean() {
      if (cleaned) { return; }
      cleaned = true;
      window.removeEventListener("afterprint", clean);
      document.body.removeChild(holder);
      document.documentElement.className = document.documentElement.className.replace(/ ?axt-printing/g, "");
    }
    window.addEventListener("afterprint", clean);
    window.print();
    // Browsers without "afterprint" (or a print() that does not block) still get the page back.
    setTimeout(clean, 1000);
  }

  function setupChecklist(button) {
    var section = button.closest ? button.closest(".axt-checklist") : null;
    if (!section || !window.print) { return; }
    button.parentNode.hidden = false;
    button.addEventListener("click", function () { printOnly(section); });
  }

  /* Catalogue filters ------------------------------------------------------------------ */

  var FACETS = ["type", "sector", "audience", "level", "tool", "safety"];

  // Vietnamese without tone or vowel marks, so "nong nghiep" finds "nông nghiệp".
  function fold(text) {
    text = String(text).replace(/đ/g, "d").replace(/Đ/g, "D");
    if (text.normalize) { text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
    return text.toLowerCase();
  }

  // Filters live in the query string (catalogue.html?sector=che&type=guide): links from the
  // sector and collection pages open a filtered list, and a filtered list can be shared.
  function readQuery() {
    var state = {};
    each(window.location.search.replace(/^\?/, "").split("&"), function (pair) {
      var i = pair.indexOf("=");
      if (i > 0) {
        try {
          state[decodeURIComponent(pair.slice(0, i))] = decodeURIComponent(pair.slice(i + 1).replace(/\+/g, " "));
        } catch (e) { /* a malformed address: ignore that pair */ }
      }
    });
    return state;
  }

  function setupCatalogue(root) {
    var form = root.querySelector(".axt-filters");
    var status = root.querySelector(".axt-filters__status");
    var empty = root.querySelector(".axt-catalogue__empty");
    var groups = root.querySelectorAll(".axt-catalogue__group");
    var rows = [];
    each(root.querySelectorAll(".axt-catalogue__list > li"), function (li) {
      var row = { li: li, text: fold(li.textContent) };
      each(FACETS, function (facet) { row[facet] = " " + (li.getAttribute("data-" + facet) || "") + " "; });
      rows.push(row);
    });
    var template = root.getAttribute("data-status") || "{shown}/{total}";

    function wanted() {
      var want = {};
      each(FACETS, function (facet) {
        var field = form.elements[facet];
        if (field && field.value) { want[facet] = field.value; }
      });
      var query = form.elements.words ? fold(form.elements.words.value).split(/\s+/) : [];
      want.words = query.filter(function (w) { return w !== ""; });
      return want;
    }

    function apply(writeAddress) {
      var want = wanted();
      var shown = 0;
      each(rows, function (row) {
        var ok = true;
        each(FACETS, function (facet) {
          if (ok && want[facet] && row[facet].indexOf(" " + want[facet] + " ") < 0) { ok = false; }
        });
        each(want.words, function (word) {
          if (ok && row.text.indexOf(word) < 0) { ok = false; }
        });
        row.li.hidden = !ok;
        if (ok) { shown += 1; }
      });
      each(groups, function (group) {
        var visible = group.querySelectorAll(".axt-catalogue__list > li:not([hidden])").length;
        group.hidden = visible === 0;
        var count = group.querySelector(".axt-catalogue__count");
        if (count) { count.textContent = String(visible); }
      });
      empty.hidden = shown !== 0;
      status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
      if (writeAddress) {
        var parts = [];
        each(FACETS, function (facet) {
          if (want[facet]) { parts.push(facet + "=" + encodeURIComponent(want[facet])); }
        });
        var query = parts.length ? "?" + parts.join("&") : "";
        var address = window.location.pathname + query + window.location.hash;
        // Some browsers refuse to change the address of a file:// page: the filters still work.
        try { window.history.replaceState(null, "", address); } catch (e) { /* keep the old address */ }
      }
    }

    function fromAddress() {
      var state = readQuery();
      each(FACETS, function (facet) {
        var field = form.elements[facet];
        if (!field) { return; }
        var value = state[facet] || "";
        var known = false;
        each(field.options, function (option) { if (option.value === value) { known = true; } });
        field.value = known ? value : "";
      });
      apply(false);
    }

    form.hidden = false;
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    fromAddress();
  }

  function start() {
    each(document.querySelectorAll("[data-axt-prompt]"), setupPrompt);
    each(document.querySelectorAll("[data-axt-print]"), setupChecklist);
    each(document.querySelectorAll("[data-axt-catalogue]"), setupCatalogue);
    function refreshLinks() { each(document.querySelectorAll("[data-axt-prompt]"), updateOpenLinks); }
    window.addEventListener("online", refreshLinks);
    window.addEventListener("offline", refreshLinks);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
