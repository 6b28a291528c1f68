// reCAPTCHA v3 without inline script: on submit, fetch a token, then send the form.
(function () {
  "use strict";
  var input = document.querySelector("input[data-recaptcha-v3]");
  if (!input) return;
  var key = input.getAttribute("data-sitekey");
  var action = input.getAttribute("data-action") || "submit";
  var form = input.form;
  var script = document.createElement("script");
  script.src = "https://www.google.com/recaptcha/api.js?render=" + encodeURIComponent(key);
  script.async = true;
  document.head.appendChild(script);
  form.addEventListener("submit", function (event) {
    if (input.value || !window.grecaptcha) return; // token already set, or Google unreachable: the server answers politely
    event.preventDefault();
    window.grecaptcha.ready(function () {
      window.grecaptcha.execute(key, { action: action }).then(function (token) {
        input.value = token;
        form.submit();
      });
    });
  });
})();
