// The online application form: focus the error summary, show the delivery address only for
// postal return, and warn at once about a file that is too large (the server checks anyway).
(function () {
  "use strict";
  var summary = document.querySelector(".js-error-summary");
  if (summary) { summary.focus(); }

  var form = document.querySelector(".js-apply-form");
  if (!form) { return; }
  var group = document.getElementById("delivery-address-group");
  var radios = form.querySelectorAll("input[name=return_method]");
  function syncDelivery() {
    if (!group) { return; }
    var postal = form.querySelector("input[name=return_method][value=postal]:checked");
    group.hidden = !postal;
  }
  radios.forEach(function (radio) { radio.addEventListener("change", syncDelivery); });
  syncDelivery();

  var limit = parseInt(form.getAttribute("data-max-file") || "0", 10);
  var status = form.querySelector(".js-upload-status");
  form.querySelectorAll("input[type=file].js-upload").forEach(function (input) {
    input.addEventListener("change", function () {
      var tooBig = Array.prototype.filter.call(input.files, function (f) { return limit && f.size > limit; });
      if (status) {
        var message = form.getAttribute("data-too-big") || "";
        status.textContent = tooBig.length ? message.replace("{name}", tooBig[0].name) : "";
      }
      input.classList.toggle("is-invalid", tooBig.length > 0);
    });
  });
})();
