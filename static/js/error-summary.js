// A form that comes back with errors: move focus to the summary at the top, so a
// screen reader reads it and a keyboard starts there; each link in it puts the cursor
// in its field, with the field's label in view (the GOV.UK error summary pattern).
// A page that asks "are you sure?" puts the focus on that question the same way.
(function () {
  "use strict";
  var step = document.querySelector("[data-confirm-step]");
  if (step) step.focus();
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) return;
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    var holder = field.closest(".mb-3, fieldset") || field;
    holder.scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
