// The request form's free times: as soon as the exam and the first day of the last
// period are known, ask the server (a POST: no date in a URL) for the free times of
// her window and show the same list the server renders without this script.
(function () {
  "use strict";
  var configNode = document.getElementById("appointment-form-config");
  var form = document.querySelector("form.appointment-form");
  if (!configNode || !form || !window.fetch || !window.FormData) return;
  var config = JSON.parse(configNode.textContent);
  if (!config.timesUrl) return;
  var pending = null;
  var names = ["procedure", "last_period_start", "cycle_length", "cycle_irregular"];

  function update() {
    var current = document.getElementById("free-times");
    if (!current) return;
    var all = new FormData(form);
    var body = new FormData();
    ["csrfmiddlewaretoken"].concat(names).forEach(function (name) {
      var value = all.get(name);
      if (value !== null) body.set(name, value);
    });
    var chosen = all.get("slot");
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(config.timesUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
      signal: pending.signal,
    })
      .then(function (response) {
        if (!response.ok) throw new Error("times " + response.status);
        return response.text();
      })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("#free-times");
        if (!fresh) return;
        if (chosen) {
          fresh.querySelectorAll('input[name="slot"]').forEach(function (input) {
            if (input.value === chosen) input.checked = true;
          });
        }
        document.getElementById("free-times").replaceWith(fresh);
      })
      .catch(function () {
        // Offline or aborted: the form still works; the server lists the times on send.
      });
  }

  names.forEach(function (name) {
    form.querySelectorAll('[name="' + name + '"]').forEach(function (field) {
      field.addEventListener("change", update);
    });
  });
  var lmp = document.getElementById("id_last_period_start");
  if (lmp && lmp.value && !document.querySelector("#free-times fieldset")) update();
})();
