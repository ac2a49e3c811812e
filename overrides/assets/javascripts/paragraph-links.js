// Paragraph links: a mark after every numbered article paragraph (#p1 … #pN, numbered at build time by
// hooks/wenku/site/anchors.py). Following it puts #pN in the address and scrolls there; it also copies that
// address when the browser allows. A file, not an inline script: the Content-Security-Policy may forbid those.
(function () {
  "use strict";

  function setup() {
    var meta = document.querySelector('meta[name="wenku-paragraph-link"]');
    if (!meta) return;  // not an article page
    var label = meta.getAttribute("content") || "{n}";
    var paragraphs = document.querySelectorAll("article p[id]");
    for (var i = 0; i < paragraphs.length; i++) {
      var p = paragraphs[i];
      if (!/^p\d+$/.test(p.id) || p.querySelector(":scope > a.wenku-plink")) continue;
      var a = document.createElement("a");
      a.className = "wenku-plink";
      a.href = "#" + p.id;
      a.textContent = "¶";
      a.setAttribute("aria-label", label.replace("{n}", p.id.slice(1)));
      a.addEventListener("click", copy);
      p.appendChild(a);
    }
    document.documentElement.classList.add("wenku-plinks");  // ready (tests wait for this)
  }

  function copy(event) {
    var a = event.currentTarget;
    var url = location.href.split("#")[0] + a.getAttribute("href");
    if (!navigator.clipboard || !window.isSecureContext) return;
    navigator.clipboard.writeText(url).then(function () {
      a.setAttribute("data-copied", a.ownerDocument.querySelector('meta[name="wenku-paragraph-link"]')
        .getAttribute("data-copied") || "");
      a.classList.add("wenku-plink--copied");
    }, function () { /* no permission: the address bar still holds the link */ });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
