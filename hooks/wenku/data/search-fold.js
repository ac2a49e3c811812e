// Digital China Reader: fold what readers type in the search box to the edition's script
// (traditional <-> simplified, full-width Latin and digits to half-width) before Material's search
// reads it. The character map is generated at build time from OpenCC (hooks/wenku/sitegen.py).
(function () {
  var map = window.__wenku_fold || {};
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i), code = text.charCodeAt(i);
      if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
      out += map[ch] || ch;
    }
    return out;
  }
  document.addEventListener("input", function (ev) {
    var el = ev.target;
    if (!el || !el.classList || !el.classList.contains("md-search__input")) return;
    var folded = fold(el.value);
    if (folded !== el.value) {
      var pos = el.selectionStart;
      el.value = folded;
      if (pos !== null) el.setSelectionRange(pos, pos);
    }
  }, true);
})();
