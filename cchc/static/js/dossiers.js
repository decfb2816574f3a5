// Officer screens of the one-stop system. No inline script (Content-Security-Policy).
(function () {
  "use strict";

  // Errors first: move focus to the error summary so the keyboard and screen reader land there.
  var summary = document.querySelector(".js-error-summary");
  if (summary) {
    var details = summary.closest("details");
    if (details) { details.open = true; }
    summary.focus();
  }

  // Irreversible actions (refuse, reject, withdraw, stop) ask once before submitting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });

  // Bulk selection on worklists (rows are swapped in by htmx: delegate).
  function updateSelected() {
    var status = document.getElementById("bulk-selected");
    if (!status) { return; }
    var count = document.querySelectorAll(".js-select:checked").length;
    var text = status.getAttribute("data-text") || "%(n)s";
    status.textContent = count ? text.replace("%(n)s", count) : "";
  }
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.classList.contains("js-select-all")) {
      document.querySelectorAll(".js-select").forEach(function (box) { box.checked = target.checked; });
    }
    if (target.classList.contains("js-select") || target.classList.contains("js-select-all")) {
      updateSelected();
    }
    if (target.hasAttribute("data-controls-visibility")) { applyVisibility(); }
  });
  document.body.addEventListener("htmx:afterSwap", updateSelected);

  // Show a field only when another has a given value (e.g. delivery address for postal return).
  function applyVisibility() {
    document.querySelectorAll("[data-show-if]").forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-show-if"));
      if (!source) { return; }
      var visible = source.value === el.getAttribute("data-show-value");
      el.hidden = !visible;
    });
  }
  document.querySelectorAll("[data-show-if]").forEach(function (el) {
    var source = document.getElementById(el.getAttribute("data-show-if"));
    if (source) { source.setAttribute("data-controls-visibility", ""); }
  });
  applyVisibility();
})();
