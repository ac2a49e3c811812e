/* Side-by-side reading of an English translation: on wide screens, each English paragraph beside its
   Chinese original (the "中文原文" boxes the page already has), paragraph-aligned; a toggle, remembered in
   localStorage. No framework; on phones the one-click boxes stay as they are. */
(function () {
  "use strict";
  var KEY = "wenku-parallel";
  var WIDE = window.matchMedia("(min-width: 60em)");
  var content = document.querySelector("article.md-content__inner");
  if (!content || document.documentElement.lang !== "en") return;
  var boxes = Array.prototype.filter.call(content.querySelectorAll("details.quote"), function (d) {
    var s = d.querySelector("summary");
    return d.parentNode === content && s && s.textContent.trim() === "中文原文";
  });
  if (!boxes.length) return;

  function remembered() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function remember(on) {
    try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: not remembered */ }
  }

  /* One row per box: the English written above it (since the previous box) and the box itself. */
  function wrap() {
    var previous = null;
    boxes.forEach(function (box, i) {
      var row = document.createElement("div");
      row.className = "wenku-pair";
      row.setAttribute("data-pair", String(i + 1));
      var en = document.createElement("div");
      en.className = "wenku-pair__en";
      var zh = document.createElement("div");
      zh.className = "wenku-pair__zh";
      zh.lang = "zh-Hans";
      var start = previous ? previous.nextSibling : button.nextSibling;  // the header and the note stay on top
      var english = [];
      for (var n = start; n && n !== box; n = n.nextSibling) english.push(n);
      content.insertBefore(row, box);
      english.forEach(function (node) { en.appendChild(node); });
      box.setAttribute("data-was-open", box.open ? "1" : "0");
      box.open = true;
      zh.appendChild(box);
      row.appendChild(en);
      row.appendChild(zh);
      previous = row;
    });
  }

  function unwrap() {
    Array.prototype.forEach.call(content.querySelectorAll(".wenku-pair"), function (row) {
      var en = row.querySelector(".wenku-pair__en");
      var box = row.querySelector("details.quote");
      while (en.firstChild) content.insertBefore(en.firstChild, row);
      if (box) {
        box.open = box.getAttribute("data-was-open") === "1";
        box.removeAttribute("data-was-open");
        content.insertBefore(box, row);
      }
      content.removeChild(row);
    });
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "wenku-parallel-toggle md-button";
  button.textContent = "Show the Chinese side by side";
  var anchor = content.querySelector(".wenku-translation-note") || boxes[0];
  anchor.parentNode.insertBefore(button, anchor.classList.contains("wenku-translation-note") ? anchor.nextSibling : anchor);

  function set(on) {
    var active = document.documentElement.classList.contains("wenku-parallel");
    if (on && !active) wrap();
    if (!on && active) unwrap();
    document.documentElement.classList.toggle("wenku-parallel", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? "Hide the Chinese column" : "Show the Chinese side by side";
  }

  button.addEventListener("click", function () {
    var on = !document.documentElement.classList.contains("wenku-parallel");
    remember(on);
    set(on);
  });
  /* Phones keep the boxes: the parallel view follows the screen width, the choice stays remembered. */
  var onWidth = function () { set(WIDE.matches && remembered()); };
  if (WIDE.addEventListener) WIDE.addEventListener("change", onWidth); else WIDE.addListener(onWidth);
  set(WIDE.matches && remembered());
  document.documentElement.setAttribute("data-parallel-ready", "1");
})();
