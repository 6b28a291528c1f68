// The appointment form: as soon as the first day of the last period is entered, ask
// the server (a POST with the form's CSRF token) for the patient's window and its
// open days, say them in the live region, and offer those days as choices. Without
// this script the fields stay plain date inputs and the server checks the same rules.
(function () {
  "use strict";
  var configNode = document.getElementById("appointment-form-config");
  var summary = document.getElementById("window-summary");
  var lmp = document.getElementById("id_last_period_start");
  if (!configNode || !summary || !lmp || !window.fetch) return;
  var config = JSON.parse(configNode.textContent);
  var irregular = document.getElementById("id_cycle_irregular");
  var cycleLength = document.getElementById("id_cycle_length");
  var inputs = ["id_preferred_date_1", "id_preferred_date_2", "id_preferred_date_3"]
    .map(function (id) { return document.getElementById(id); })
    .filter(Boolean);
  var selects = [];
  var pending = null;

  function say(text, days) {
    summary.replaceChildren();
    var p = document.createElement("p");
    p.textContent = text;
    summary.appendChild(p);
    if (days && days.length) {
      var intro = document.createElement("p");
      intro.textContent = "Days you can pick:";
      var list = document.createElement("ul");
      list.className = "open-days";
      days.forEach(function (day) {
        var item = document.createElement("li");
        item.textContent = day.label;
        list.appendChild(item);
      });
      summary.appendChild(intro);
      summary.appendChild(list);
    }
  }

  function useDateInputs() {
    selects.forEach(function (select, i) {
      var input = inputs[i];
      if (!select.parentNode) return;
      input.value = select.value;
      input.id = select.id;
      input.hidden = false;
      input.disabled = false;
      select.remove();
    });
    selects = [];
  }

  function useChoices(days) {
    useDateInputs();
    inputs.forEach(function (input, i) {
      var select = document.createElement("select");
      select.name = input.name;
      select.className = "form-select";
      var described = input.getAttribute("aria-describedby");
      if (described) select.setAttribute("aria-describedby", described);
      if (input.getAttribute("aria-invalid")) select.setAttribute("aria-invalid", "true");
      var none = document.createElement("option");
      none.value = "";
      none.textContent = i === 0 ? "Choose a day" : "No other choice";
      select.appendChild(none);
      days.forEach(function (day) {
        var option = document.createElement("option");
        option.value = day.date;
        option.textContent = day.label;
        option.selected = day.date === input.value;
        select.appendChild(option);
      });
      select.id = input.id;
      input.id = input.id + "-date";
      input.hidden = true;
      input.disabled = true;
      input.parentNode.insertBefore(select, input);
      selects.push(select);
    });
  }

  function update() {
    var params = new URLSearchParams();
    if (irregular && irregular.checked) {
      params.set("irregular", "1");
    } else if (lmp.value) {
      params.set("lmp", lmp.value);
    } else {
      useDateInputs();
      return;
    }
    if (cycleLength && cycleLength.value) params.set("cycle_length", cycleLength.value);
    // A POST with the form's CSRF token: the date never goes into a URL.
    var token = lmp.form && lmp.form.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) params.set("csrfmiddlewaretoken", token.value);
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(config.windowUrl, {
      method: "POST",
      body: params,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: pending.signal,
    })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        if (!result.ok) {
          useDateInputs();
          say(result.data.error || "Please check the date.");
          return;
        }
        say(result.data.message, result.data.offered_days);
        if (result.data.offered_days.length) {
          useChoices(result.data.offered_days);
        } else {
          useDateInputs();
        }
      })
      .catch(function () {
        // Offline or aborted: the plain date inputs stay, and the server checks them.
      });
  }

  [lmp, irregular, cycleLength].forEach(function (field) {
    if (field) field.addEventListener("change", update);
  });
  if (lmp.value || (irregular && irregular.checked)) update();
})();
