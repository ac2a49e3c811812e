// Digital China Reader: the search worker behind Material's search box.
//
// Speaks Material's worker protocol (SETUP -> READY, QUERY -> RESULT, results grouped per page as
// Material renders them) but reads the sharded index of hooks/wenku/search/searchshards.py: a query downloads
// only the shards of its own keys (pairs of adjacent Han characters, single characters for a one-character
// term, Latin words by their first two letters), then one small file per shown result for its excerpt.
// The hash and the id encoding have their twins in searchshards.py (key_hash, encode_ids).
//
// A second message, EXCERPT, answers the page script (data/search-excerpts.js) that fills in the excerpt
// of a result past the first ten once it scrolls into view.
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var EXCERPT = 100, EXCERPT_TEXT = 101;  // ours: {id, part, query} -> {id, part, html}
var FORMAT = 2;                     // searchshards.FORMAT
var SHOWN = 10;                     // results with an excerpt (Material renders ten at once)
var EXCERPT_CHARS = 150;            // characters of text around the first match
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
var DIGIT = {};
for (var d = 0; d < 64; d++) DIGIT[B64.charAt(d)] = d;
var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
var RE_HAN_PAIR = new RegExp("^[" + HAN + "]{2}$");
var RE_TERM = new RegExp("[" + HAN + "]+|[0-9a-z]+", "g");

var index = null;                   // manifest, base URL and caches, set up by SETUP
var latest = 0;                     // number of the newest query: older answers are dropped

// FNV-1a over UTF-16 code units, 32 bits (searchshards.key_hash).
function keyHash(key) {
  var h = 0x811c9dc5;
  for (var i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// The shard file of a key: Han pairs by the whole key, words by their first two letters; single Han
// characters in their own shards, u<n> (searchshards.shard_of).
function shardOf(key) {
  if (key.length === 1 && key.charCodeAt(0) > 0x7f) return "u" + keyHash(key) % index.meta.unigramShards;
  return String(keyHash(RE_HAN_PAIR.test(key) ? key : key.slice(0, 2)) % index.meta.shards);
}

// Sorted ids from their encoding: gaps in 5-bit base-64 digits, or "!" and a bitmap (searchshards.encode_ids).
function decodeIds(code) {
  var ids = [], i, b;
  if (code.charAt(0) === "!") {
    for (i = 1; i < code.length; i++) {
      var bits = DIGIT[code.charAt(i)];
      for (b = 0; b < 6; b++) if (bits >> b & 1) ids.push((i - 1) * 6 + b);
    }
    return ids;
  }
  var value = 0, prev = -1;
  for (i = 0; i < code.length; i++) {
    var digit = DIGIT[code.charAt(i)];
    value = value * 32 + (digit & 31);
    if (!(digit & 32)) { prev += value + 1; ids.push(prev); value = 0; }
  }
  return ids;
}

// One file of this edition's index, fetched once (the version in the URL outlives a browser's cache).
function load(rel) {
  var hit = index.files.get(rel);
  if (!hit) {
    hit = fetch(new URL(rel + "?v=" + index.meta.version, index.base).href).then(function (res) {
      if (!res.ok) throw new Error("search file " + rel + ": HTTP " + res.status);
      return res.json();
    });
    hit.catch(function () { index.files.delete(rel); });
    index.files.set(rel, hit);
  }
  return hit;
}

// The page of every part, from the manifest's "page*count" runs.
function partPages(runs, total) {
  var out = new Int32Array(total), k = 0;
  runs.split(",").forEach(function (run) {
    var pair = run.split("*"), page = +pair[0], n = pair.length > 1 ? +pair[1] : 1;
    for (var i = 0; i < n; i++) out[k++] = page;
  });
  return out;
}

// What readers type, folded as the index is: full-width to half-width, lower case, the edition's script.
function fold(text, map) {
  var out = "";
  for (var i = 0; i < text.length; i++) {
    var code = text.charCodeAt(i), ch = text.charAt(i);
    if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
    out += map[ch] || ch;
  }
  return out.toLowerCase();
}

// Query terms: runs of Han characters and Latin/digit words, each with its index keys (a run's pairs of
// adjacent characters; a single character is its own key).
function parse(query) {
  var seen = {}, terms = [], m;
  RE_TERM.lastIndex = 0;
  while ((m = RE_TERM.exec(query))) {
    var text = m[0], han = text.charCodeAt(0) > 0x7f;
    if (seen[text]) continue;
    seen[text] = true;
    var keys = han && text.length === 1 ? [text] : [];
    if (han) for (var i = 0; i + 1 < text.length; i++) keys.push(text.slice(i, i + 2));
    terms.push({ text: text, han: han, keys: keys });
  }
  return terms;
}

// Which parts hold a term (bit flags): 4 = anywhere, 1 = all of it in their text, 2 = all of it in their
// page or section title.
function termHits(term, shards) {
  var total = index.meta.parts, hits = null, lists = [];
  if (term.han) {
    for (var k = 0; k < term.keys.length; k++) {
      var code = shards[shardOf(term.keys[k])][term.keys[k]];
      if (code === undefined) return { hits: new Uint8Array(total) };
      lists.push([code]);
    }
  } else {
    var shard = shards[shardOf(term.text)], words = [];
    for (var key in shard)
      if (key === term.text || (term.text.length > 1 && !RE_HAN_PAIR.test(key) && key.lastIndexOf(term.text, 0) === 0))
        words.push(key);
    lists.push(words.map(function (w) { return shard[w]; }));
  }
  // A Han term needs all its pairs (AND); a word needs any of the words it begins (OR).
  lists.forEach(function (codes) {
    var marks = new Uint8Array(total);
    codes.forEach(function (code) {
      var halves = code.split(",");
      decodeIds(halves[0]).forEach(function (id) { marks[id] |= 5; });
      decodeIds(halves[1]).forEach(function (id) { marks[id] |= 6; });
    });
    if (!hits) hits = marks;
    else for (var i = 0; i < total; i++) hits[i] &= marks[i];
  });
  return { hits: hits || new Uint8Array(total) };
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// A pattern for the terms as they appear in text: Han terms literally, words as word beginnings.
function termPattern(terms) {
  var alts = terms.slice().sort(function (a, b) { return b.text.length - a.text.length; }).map(function (t) {
    var lit = t.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return t.han ? lit : "\\b" + lit + "[0-9a-z]*";
  });
  return alts.length ? new RegExp(alts.join("|"), "gi") : null;
}

// Text as HTML with the matched terms in <mark>.
function highlight(text, pattern) {
  if (!pattern) return escapeHtml(text);
  var out = "", last = 0, m;
  pattern.lastIndex = 0;
  while ((m = pattern.exec(text))) {
    if (!m[0]) { pattern.lastIndex++; continue; }
    out += escapeHtml(text.slice(last, m.index)) + "<mark>" + escapeHtml(m[0]) + "</mark>";
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

// About EXCERPT_CHARS characters of a part's text around its first match, highlighted, in a paragraph.
function excerpt(text, pattern) {
  return "<p>" + excerptInner(text, pattern) + "</p>";
}

function excerptInner(text, pattern) {
  text = text.replace(/\n/g, " ");
  var start = 0;
  if (pattern) {
    pattern.lastIndex = 0;
    var m = pattern.exec(text);
    if (m && m.index > EXCERPT_CHARS / 3) start = m.index - Math.floor(EXCERPT_CHARS / 5);
  }
  var end = Math.min(text.length, start + EXCERPT_CHARS);
  return (start > 0 ? "…" : "") + highlight(text.slice(start, end), pattern) + (end < text.length ? "…" : "");
}

// Does a text hold a term as typed (all pairs of a Han term can be present without being adjacent)?
function holds(text, term) {
  text = text.toLowerCase();
  return term.han ? text.indexOf(term.text) >= 0 : new RegExp("\\b" + term.text).test(text);
}

// The query folded as the index is, and its terms.
async function prepare(query) {
  if (/[^\x00-\x7f]/.test(query) && !index.map) index.map = await load("fold.json");
  var folded = fold(query, index.map || {}).replace(/\s+/g, " ").trim();
  return { folded: folded, terms: parse(folded) };
}

async function search(query) {
  var meta = index.meta;
  var prepared = await prepare(query), folded = prepared.folded, terms = prepared.terms;
  if (!terms.length) return { items: [] };

  // Shards of all keys, fetched together.
  var needed = {};
  terms.forEach(function (t) { (t.han ? t.keys : [t.text]).forEach(function (k) { needed[shardOf(k)] = true; }); });
  var shards = {};
  await Promise.all(Object.keys(needed).map(function (n) {
    return load("shards/" + n + ".json").then(function (data) { shards[n] = data; });
  }).concat(loadPageTable()));
  var hits = terms.map(function (t) { return termHits(t, shards).hits; });

  // Pages: which terms they hold (text or title), which in the title, their best part.
  var pages = new Map(), total = meta.parts;
  for (var p = 0; p < total; p++) {
    var inText = 0, found = [];
    for (var t = 0; t < terms.length; t++) {
      var h = hits[t][p];
      if (h & 4) found.push(t);
      if (h & 1) inText++;
    }
    if (!found.length) continue;
    var page = index.partPage[p], info = pages.get(page);
    if (!info) pages.set(page, info = { page: page, terms: new Array(terms.length).fill(false),
                                        title: new Array(terms.length).fill(false), best: p, bestScore: -1, parts: 0 });
    found.forEach(function (t) { info.terms[t] = true; if (hits[t][p] & 2) info.title[t] = true; });
    info.parts++;
    var partScore = found.length * 10 + inText;
    if (partScore > info.bestScore) { info.best = p; info.bestScore = partScore; }
  }
  var ranked = Array.from(pages.values());
  ranked.forEach(function (info) {
    var held = info.terms.filter(Boolean).length, inTitle = info.title.filter(Boolean).length;
    // Each term held counts 1000: more than the title, article, parts and whole-query bonuses together.
    info.score = held * 1000 + inTitle * 30 + (index.articles.has(info.page) ? 25 : 0) + Math.min(info.parts, 5);
  });
  ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page; });

  // Excerpts for the first results, from the best part of each; then titles for the rest.
  var pattern = termPattern(terms);
  var shown = ranked.slice(0, SHOWN);
  var parts = await Promise.all(shown.map(function (info) { return load("parts/" + info.best + ".json"); }));
  shown.forEach(function (info, i) {
    var part = parts[i], title = part.title + (part.section ? " " + part.section[1] : "");
    info.part = part;
    // A Han term whose pairs are all there but apart (in the part shown and the title): not held.
    terms.forEach(function (term, t) {
      if (info.terms[t] && term.keys.length > 1 && !holds(part.text, term) && !holds(title, term)) {
        info.terms[t] = false;
        info.score -= 1000;
      }
    });
    // The whole query as typed (人工智能+, a phrase with its punctuation) counts more, most in the title.
    if (terms.length && folded.length > 1) {
      if (title.toLowerCase().indexOf(folded) >= 0) info.score += 40;
      else if (part.text.toLowerCase().indexOf(folded) >= 0) info.score += 20;
    }
  });
  // Ranked again: a page found not to hold a term moves below those that do (it may leave the first ten).
  ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
  var table = await loadPageTable();

  return { items: ranked.map(function (info) { return resultItems(info, terms, pattern, table, folded); }),
           suggest: suggest(terms, shards) };
}

// One result as Material renders it: the page (and the section of the part shown), with the excerpt of
// that part; a page beyond the first ten has its title and a placeholder that names its best part, for
// the page script to fill in when it scrolls into view (EXCERPT).
function resultItems(info, terms, pattern, table, folded) {
  var termsMap = termMap(terms, info), meta = index.meta;
  if (!info.part) {
    var row = table[Math.floor(info.page / meta.pagesPerChunk)][info.page % meta.pagesPerChunk];
    var later = '<p class="wenku-excerpt" data-part="' + info.best + '" data-query="' + escapeHtml(folded) + '">…</p>';
    return [{ location: row[0], title: highlight(row[1], pattern), text: later, score: info.score, terms: termsMap }];
  }
  var part = info.part;
  var article = { location: part.location, title: highlight(part.title, pattern), text: "", score: info.score, terms: termsMap };
  if (!part.section) {
    article.text = excerpt(part.text, pattern);
    return [article];
  }
  return [article, { location: part.location + "#" + part.section[0], title: highlight(part.section[1], pattern),
                     text: excerpt(part.text, pattern), score: info.score, terms: termsMap }];
}

// Titles and addresses of all pages (for results beyond the first ten), loaded with the first query:
// later queries then need only their own shards and the parts they show.
function loadPageTable() {
  if (!index.pageTable) {
    var chunks = [];
    for (var c = 0; c * index.meta.pagesPerChunk < index.meta.pages; c++) chunks.push(load("pages/" + c + ".json"));
    index.pageTable = Promise.all(chunks);
    index.pageTable.catch(function () { index.pageTable = null; });
  }
  return index.pageTable;
}

// Material's per-result map of query terms: false marks a term the result does not hold.
function termMap(terms, info) {
  var map = {};
  terms.forEach(function (term, t) { map[term.text] = info.terms[t]; });
  return map;
}

// The commonest word that completes the last Latin word typed (Material shows it in the search box).
function suggest(terms, shards) {
  var last = terms[terms.length - 1];
  if (!last || last.han || last.text.length < 2) return [];
  var shard = shards[shardOf(last.text)], best = null, bestCount = 0;
  for (var key in shard) {
    if (key.length <= last.text.length || key.lastIndexOf(last.text, 0) !== 0 || RE_HAN_PAIR.test(key)) continue;
    var count = decodeIds(shard[key].split(",")[0]).length;
    if (count > bestCount) { best = key; bestCount = count; }
  }
  return best ? [best] : [];
}

async function handle(message) {
  if (message.type === SETUP) {
    var meta = message.data.config.wenku;
    if (!meta || meta.format !== FORMAT) throw new TypeError("search index: unknown format");
    var root = new URL("../../../", self.location.href);  // this file is <site>/assets/javascripts/workers/
    index = { meta: meta, base: new URL(meta.path, root), files: new Map(), map: null,
              partPage: partPages(meta.partPages, meta.parts), articles: new Set(decodeIds(meta.articles)) };
    return { type: READY };
  }
  if (message.type === EXCERPT) {
    var ask = message.data, html = "";
    try {
      var prepared = await prepare(ask.query), part = await load("parts/" + ask.part + ".json");
      html = excerptInner(part.text, termPattern(prepared.terms));
    } catch (err) {
      console.warn("search excerpt failed: " + err.message);
    }
    return { type: EXCERPT_TEXT, data: { id: ask.id, part: ask.part, html: html } };
  }
  if (message.type === QUERY) {
    var seq = ++latest;
    try {
      var data = await search(message.data);
      return seq === latest ? { type: RESULT, data: data } : null;
    } catch (err) {
      console.warn("search failed: " + err.message);
      return seq === latest ? { type: RESULT, data: { items: [] } } : null;
    }
  }
  throw new TypeError("search worker: unknown message type " + message.type);
}

addEventListener("message", function (ev) {
  handle(ev.data).then(function (answer) { if (answer) postMessage(answer); });
});
