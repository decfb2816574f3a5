// Small behaviours kept out of the HTML so the Content-Security-Policy needs no inline script.
(function () {
  "use strict";
  document.querySelectorAll(".js-autosubmit select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  document.querySelectorAll(".js-hide-when-scripted").forEach(function (el) {
    el.classList.add("d-none");
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
