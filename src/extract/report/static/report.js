(function () {
  "use strict";
  var input = document.getElementById("filter");
  var docs = Array.prototype.slice.call(document.querySelectorAll("article.doc"));
  var shown = document.getElementById("shown-count");
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    docs.forEach(function (doc) {
      var hay = doc.getAttribute("data-search") || "";
      var keep = words.every(function (w) { return hay.indexOf(w) !== -1; });
      doc.classList.toggle("hidden", !keep);
      if (keep) { n += 1; }
    });
    shown.textContent = String(n);
  }
  input.addEventListener("input", apply);
  // A link to report.html#q=maroc opens the page filtered.
  var match = /^#q=(.*)$/.exec(window.location.hash);
  if (match) { input.value = decodeURIComponent(match[1]); apply(); }
  document.body.setAttribute("data-highlights", String(document.querySelectorAll("a.hl").length));
  document.body.setAttribute("data-ready", "1");
})();
