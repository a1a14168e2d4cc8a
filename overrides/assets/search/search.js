/*
 * Search of AI Xứ Trà. The index was built with lunr at build time (aixutra/search);
 * this script unpacks it into a lunr.Index, reads queries with the same rules as
 * aixutra/search/tokens.py and shows the results. overrides/partials/axt-search.html
 * loads it, after lunr.js and before the index, on the first focus of the search box.
 */
(function () {
  "use strict";

  var form = document.getElementById("axt-search");
  var input = form.elements.q;
  var panel = document.getElementById("axt-search-results");
  var strings = JSON.parse(form.getAttribute("data-strings"));
  var base = form.getAttribute("data-base");
  var FIRST = 8, SHOWN = 20;  // results shown at once, then in all
  var EXPANSIONS = 20;  // longer words tried for a word still being typed
  var engine = null, rest = null;

  /* ---------- Words, as in aixutra/search/tokens.py ---------- */

  var WORD = /[\p{L}\p{N}\u0300-\u036f]+/gu;

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(WORD) || [];
  }

  function fold(word) {
    return word.replace(/[đð]/g, "d").normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC");
  }

  /* What a word may have been meant to be when Telex or VNI keys were left in it:
     "soanj" -> "soan", "tieesng" -> "tieng", "truwowngf" -> "truong", "tue65" -> "tue". */
  function retyped(word) {
    var plain = /[a-z]/.test(word) ? word.replace(/[0-9]/g, "") : word;  // VNI: digits for marks
    plain = plain.replace(/dd/g, "d").replace(/([aeo])\1/g, "$1")  // Telex: đ, â, ê, ô
      .replace(/([aou])w/g, "$1").replace(/w/g, "u")  // ă, ơ, ư
      .replace(/^([^aeiouy]*[aeiouy])(.*)$/, function (all, head, tail) {
        return head + tail.replace(/[sfrxj]/g, "");  // tone keys: no syllable has them after a vowel
      });
    return plain && plain !== word ? [plain] : [];
  }

  /* ---------- The index ---------- */

  var NONE = {};  // lunr's per-match metadata: none is stored

  /* The packed index (aixutra/search/index.py, pack). Only its vocabulary is read now;
     a word's postings are decoded when a query first asks for it. */
  function unpack(data) {
    var keys = data.keys ? data.keys.split(" ") : [], groups = data.terms.split(" ");
    var terms = [], numbers = Object.create(null), folds = Object.create(null);
    keys.forEach(function (key, i) {
      folds[key] = groups[i].split("|").map(function (term) {
        numbers[term] = terms.length;
        terms.push(term);
        return numbers[term];
      });
    });
    var n = data.docs.length, k1 = data.k1, b = data.b;
    return {
      data: data, keys: keys, terms: terms, numbers: numbers, folds: folds, cache: [],
      postings: data.postings.map(function (lists) { return lists.split(";"); }),
      // BM25's length normalisation of each field of each document, as lunr's builder has it.
      norms: data.lengths.map(function (lengths) {
        var average = lengths.reduce(function (sum, l) { return sum + l; }, 0) / n;
        return Float64Array.from(lengths, function (l) { return k1 * (1 - b + b * (l / average)); });
      }),
      pipeline: lunr.Pipeline.load(data.pipeline)
    };
  }

  /* A term's documents and term frequencies by field, and its lunr.idf. */
  function posting(t) {
    var found = engine.cache[t];
    if (found) return found;
    var count = 0, n = engine.data.docs.length;
    found = { docs: [], tfs: [] };
    engine.postings.forEach(function (lists) {
      var docs = [], tfs = [], doc = 0;
      if (lists[t]) lists[t].split(",").forEach(function (text) {
        var value = +text;
        if (value < 0) {  // the term occurs more than once in this field
          tfs[tfs.length - 1] = -value;
          return;
        }
        doc += value;
        docs.push(doc);
        tfs.push(1);
      });
      found.docs.push(docs);
      found.tfs.push(tfs);
      count += docs.length;
    });
    found.idf = Math.log(1 + Math.abs((n - count + 0.5) / (count + 0.5)));
    return (engine.cache[t] = found);
  }

  /* A lunr.Index of the query's words, one lunr term each ("#0", "#1"...): a word's
     postings are those of all its spellings, each weighted as lunr's builder weighs it
     (lunr.Builder#createFieldVectors) times the spelling's boost. lunr then matches and
     scores one term per word, however many spellings the word has. */
  function lunrIndex(asked) {
    var data = engine.data, fields = data.fields, k1 = data.k1, n = data.docs.length;
    var inverted = Object.create(null), rows = Object.create(null), vectors = Object.create(null);
    var sums = new Float64Array(n), seen = new Uint8Array(n);
    asked.forEach(function (word, i) {
      var entry = inverted["#" + i] = { _index: i };
      fields.forEach(function (name, f) {
        var norms = engine.norms[f], boost = data.boosts[f], touched = [], matched = entry[name] = {};
        word.terms.forEach(function (t, j) {
          var p = posting(t), docs = p.docs[f], tfs = p.tfs[f];
          for (var d = 0; d < docs.length; d++) {
            var doc = docs[d], tf = tfs[d];
            var weight = Math.round(p.idf * ((k1 + 1) * tf) / (norms[doc] + tf) * boost * 1000) / 1000;
            if (!seen[doc]) touched.push(doc);
            seen[doc] = 1;
            sums[doc] += weight * word.boosts[j];
          }
        });
        touched.sort(function (x, y) { return x - y; }).forEach(function (doc) {
          matched[doc] = NONE;
          var ref = name + "/" + doc;
          (rows[ref] || (rows[ref] = [])).push(i, sums[doc]);
          sums[doc] = seen[doc] = 0;
        });
      });
    });
    for (var ref in rows) vectors[ref] = new lunr.Vector(rows[ref]);
    return new lunr.Index({
      invertedIndex: inverted, fieldVectors: vectors, tokenSet: lunr.TokenSet.fromArray(Object.keys(inverted).sort()),
      fields: fields, pipeline: engine.pipeline
    });
  }

  /* Whether a term occurs in a document (any field). */
  function has(t, doc) {
    var p = posting(t);
    if (!p.all) p.all = new Set([].concat.apply([], p.docs));
    return p.all.has(doc);
  }

  /* A folded word as the index holds it: stemmed where the index is (English). */
  function indexed(word) {
    return engine.pipeline.runString(word)[0] || "";
  }

  /* Term numbers whose folded spelling is the key; for a word being typed, also those
     that go on from it ("van" -> văn, vân, vàng...; "vă" -> văn, văng). */
  function variants(key, prefix, typed) {
    var whole = engine.folds[key] || [];
    if (!prefix) return whole;
    var keys = engine.keys, lo = 0, hi = keys.length, longer = [];
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < key) lo = mid + 1; else hi = mid;
    }
    for (var i = lo; i < keys.length && keys[i].lastIndexOf(key, 0) === 0; i++) {
      if (keys[i] !== key) longer = longer.concat(engine.folds[keys[i]]);
    }
    if (typed) {  // typed with marks: they must be there
      longer = longer.filter(function (t) { return engine.terms[t].lastIndexOf(typed, 0) === 0; });
    }
    if (longer.length > EXPANSIONS) {
      // A short beginning goes on to many words: keep the most common (longest postings).
      var size = {};
      longer.forEach(function (t) {
        size[t] = engine.postings.reduce(function (sum, lists) { return sum + lists[t].length; }, 0);
      });
      longer = longer.sort(function (x, y) { return size[y] - size[x]; }).slice(0, EXPANSIONS);
    }
    return whole.concat(longer);
  }

  /* The index terms a typed word stands for: none for a stop word, null when none matches. */
  function resolve(word, prefix) {
    var folded = fold(word), key = indexed(folded);
    if (!key) return { key: "", terms: [] };
    var tries = [key].concat(retyped(folded).map(indexed));
    for (var i = 0; i < tries.length; i++) {
      var marked = i === 0 && !engine.data.folded && folded !== word;
      var found = tries[i] ? variants(tries[i], prefix, marked ? word : "") : [];
      if (found.length) return { key: tries[i], terms: found };
    }
    return null;
  }

  function search(text) {
    var list = words(text), typing = !/[\s\p{P}]$/u.test(text);
    var asked = [], missing = [];
    list.forEach(function (word, n) {
      var prefix = typing && n === list.length - 1;
      if (prefix && word.length < 2 && list.length > 1) return;  // one letter of the next word
      var found = resolve(word, prefix);
      if (found === null) return missing.push(word);
      if (!found.terms.length) return;
      var exact = fold(word) !== word ? engine.numbers[word] : undefined;
      var whole = prefix ? engine.folds[found.key] || [] : [];
      asked.push({
        terms: found.terms,
        boosts: found.terms.map(function (t) {
          // An accented word ranks its exact spelling first ("đường" before "dương"), and
          // a word being typed ranks itself before longer words.
          return (t === exact ? 10 : 1) * (whole.indexOf(t) >= 0 ? 3 : 1);
        })
      });
    });
    var matches = asked.length ? lunrIndex(asked).query(function (q) {
      asked.forEach(function (word, i) { q.term("#" + i, { usePipeline: false }); });
    }) : [];
    // Pages with all the words come first, unless one lacking a word matches far better:
    // a score is scaled by the share of the words the page has (any of their spellings),
    // cubed (3 words of 4: x0.42; 1 of 4: x0.016).
    var complete = 0;
    matches.forEach(function (m) {
      var share = Object.keys(m.matchData.metadata).length / asked.length;
      m.score *= share * share * share;
      if (share === 1) complete++;
    });
    matches.sort(function (x, y) { return y.score - x.score; });
    return { results: matches, asked: asked, missing: missing, partial: matches.length > 0 && !complete };
  }

  /* ---------- Results ---------- */

  var status = element("p", "axt-search__status");
  var listing = element("ol", "axt-search__list");
  status.setAttribute("role", "status");
  panel.appendChild(status);
  panel.appendChild(listing);

  function element(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  /* The text with the words that matched the query marked. */
  function highlighted(tag, cls, text, matched) {
    var node = element(tag, cls), last = 0, match;
    text = text.normalize("NFC");
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var word = match[0].toLowerCase();
      if (!(word in matched) && !(engine.data.folded && indexed(fold(word)) in matched)) continue;
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      node.appendChild(element("mark", "", match[0]));
      last = match.index + match[0].length;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }

  function result(doc, matched) {
    var data = engine.data;
    var meta = element("span", "axt-search__meta");
    meta.appendChild(element("span", "axt-search__kind", data.kinds[doc[2]]));
    var about = doc[3].slice(0, 2).map(function (s) { return data.sectors[s]; });
    if (!doc[5]) about.push(strings.untranslated);
    if (about.length) meta.appendChild(document.createTextNode(" · " + about.join(", ")));
    var link = element("a");
    link.href = base === "." ? doc[0] : base + "/" + doc[0];
    link.appendChild(meta);
    link.appendChild(highlighted("span", "axt-search__title", doc[1], matched));
    if (doc[4]) link.appendChild(highlighted("span", "axt-search__summary", doc[4], matched));
    var item = element("li", "axt-search__item");
    item.appendChild(link);
    return item;
  }

  function show(text) {
    clearTimeout(rest);
    panel.removeAttribute("data-query");
    listing.textContent = "";
    if (!text.trim()) return close();
    open();
    if (!engine) {
      status.textContent = strings.loading;
      return;
    }
    var found = search(text), notes = [];
    var count = found.results.length;
    if (count) notes.push(count === 1 ? strings.one : strings.many.replace("{n}", count));
    if (found.partial) notes.push(strings.partial);
    if (found.missing.length) notes.push(strings.missing.replace("{words}", found.missing.join(", ")));
    if (!count) notes.push(strings.none);
    status.textContent = notes.join(" · ");
    var add = function (r) {
      var matched = Object.create(null), doc = +r.ref;  // the spellings this page has
      found.asked.forEach(function (word) {
        word.terms.forEach(function (t) { if (has(t, doc)) matched[engine.terms[t]] = true; });
      });
      listing.appendChild(result(engine.data.docs[doc], matched));
    };
    found.results.slice(0, FIRST).forEach(add);
    panel.setAttribute("data-query", text);  // what the results answer (tests, measurements)
    // The rest once the first ones are on screen.
    rest = setTimeout(function () { found.results.slice(FIRST, SHOWN).forEach(add); }, 0);
  }

  function open() {
    panel.hidden = false;
    form.classList.add("axt-search--open");
  }

  function close() {
    panel.hidden = true;
    form.classList.remove("axt-search--open");
  }

  /* ---------- Keyboard and pointer ---------- */

  function links() {
    return Array.prototype.slice.call(listing.querySelectorAll("a"));
  }

  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("focus", function () { if (input.value.trim()) show(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length) {
      event.preventDefault();
      links()[0].focus();
    } else if (event.key === "Enter" && links().length) {
      event.preventDefault();
      links()[0].click();
    } else if (event.key === "Escape") {
      if (panel.hidden) input.blur();
      close();
    }
  });
  panel.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    } else if (event.key === "Escape") {
      input.focus();
      close();
    }
  });
  form.addEventListener("focusout", function (event) {
    if (!form.contains(event.relatedTarget)) close();
  });
  var closer = form.querySelector(".axt-search__close");
  if (closer) closer.addEventListener("click", function () { close(); input.blur(); });

  /* The index script calls this once it has loaded. */
  window.axtSearch = {
    load: function (data) {
      engine = unpack(data);
      // For tests and measurements: the ranked results of a query, lunr's view of some terms.
      this.search = search;
      this.index = function (terms) {  // one word per term, boost 1
        return lunrIndex(terms.map(function (term) { return { terms: [engine.numbers[term]], boosts: [1] }; }));
      };
      form.setAttribute("data-ready", "1");
      if (document.activeElement === input || input.value.trim()) show(input.value);
    }
  };
})();
