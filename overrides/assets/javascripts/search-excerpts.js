// Digital China Reader: excerpts for search results past the first ten, fetched when they scroll into view.
//
// Our search worker (hooks/wenku/data/search-worker.js) answers a query with excerpts for the first ten
// results and, for the others, a placeholder <p class="wenku-excerpt" data-part="…" data-query="…"> that
// names the result's best text part. When a placeholder comes into view, this script asks a worker of its
// own (the same file, set up with the same manifest) for that part's excerpt (message EXCERPT), which
// loads the one small part file and highlights the query terms as the first ten are highlighted.
(function () {
  "use strict";
  var EXCERPT = 100, EXCERPT_TEXT = 101, SETUP = 0;
  var holder = document.getElementById("__config");
  var list = document.querySelector(".md-search-result__list");
  if (!holder || !list || !("IntersectionObserver" in window)) return;
  var config = JSON.parse(holder.textContent);
  var worker = null, ready = null, waiting = new Map(), next = 0;

  function start() {
    worker = new Worker(config.search);
    var base = new URL(String(config.base).replace(/\/?$/, "/"), location.href);
    ready = fetch(new URL("search/search_index.json", base).href).then(function (res) {
      if (!res.ok) throw new Error("search manifest: HTTP " + res.status);
      return res.json();
    }).then(function (manifest) {
      return new Promise(function (done) {
        worker.onmessage = function (ev) {
          if (ev.data.type !== EXCERPT_TEXT) return done();
          var el = waiting.get(ev.data.data.id);
          waiting.delete(ev.data.data.id);
          if (el && ev.data.data.html) el.innerHTML = ev.data.data.html;
          if (el) el.setAttribute("data-filled", ev.data.data.html ? "yes" : "none");
        };
        worker.postMessage({ type: SETUP, data: { config: manifest.config, docs: [], options: {} } });
      });
    });
    ready.catch(function (err) { console.warn("search excerpts: " + err.message); });
  }

  function fill(el) {
    if (!worker) start();
    var id = ++next;
    waiting.set(id, el);
    ready.then(function () {
      worker.postMessage({ type: EXCERPT, data: { id: id, part: +el.getAttribute("data-part"),
                                                   query: el.getAttribute("data-query") || "" } });
    });
  }

  var seen = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      seen.unobserve(entry.target);
      fill(entry.target);
    });
  });
  new MutationObserver(function () {
    list.querySelectorAll("p.wenku-excerpt:not([data-watched])").forEach(function (el) {
      el.setAttribute("data-watched", "");
      seen.observe(el);
    });
  }).observe(list, { childList: true, subtree: true });
})();
