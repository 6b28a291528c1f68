// The conversation page's reply box: a quick reply fills the box, and the count of
// texts (SMS segments) the answer takes is shown while typing, counted as the server
// counts it (GSM-7: 160, or 153 each when split; anything else: 70, or 67 each).
(function () {
  "use strict";
  var box = document.querySelector("textarea[data-segments]");
  var out = document.getElementById("segment-count");
  var configNode = document.getElementById("segment-config");
  if (!box || !out || !configNode) return;
  var config = JSON.parse(configNode.textContent);
  var basic = new Set(Array.from(config.basic));
  var extended = new Set(Array.from(config.extended));

  function segments(text) {
    var chars = Array.from(text);
    var gsm = chars.every(function (ch) { return basic.has(ch) || extended.has(ch); });
    var length, single, multi;
    if (gsm) {
      length = chars.reduce(function (n, ch) { return n + (extended.has(ch) ? 2 : 1); }, 0);
      single = 160; multi = 153;
    } else {
      length = 0;
      chars.forEach(function (ch) { length += ch.codePointAt(0) > 0xffff ? 2 : 1; });
      single = 70; multi = 67;
    }
    if (length <= single) return { count: length ? 1 : 0, length: length };
    return { count: Math.ceil(length / multi), length: length };
  }

  function show() {
    var s = segments(box.value);
    var text = s.length + " characters, " + s.count + " text" + (s.count === 1 ? "" : "s");
    if (s.count > config.max) text += ": too long, please keep it to " + config.max + " texts";
    out.textContent = text + ".";
  }

  var picker = document.getElementById("id_quick_reply");
  var repliesNode = document.getElementById("quick-replies");
  if (picker && repliesNode) {
    var replies = JSON.parse(repliesNode.textContent);
    var fill = function () {
      if (replies[picker.value]) {
        box.value = replies[picker.value];
        show();
        box.focus();
      }
    };
    picker.addEventListener("change", fill);
    // A saved answer picked before this script ran (it is deferred) still fills the box.
    if (picker.value && !box.value) fill();
  }
  box.addEventListener("input", show);
  if (box.value) show();
})();
