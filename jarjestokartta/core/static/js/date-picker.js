// A calendar button beside each date box (data-date-picker): the box takes dates as a Finn
// writes them (14.5.2008, 5.2008, 2008); the button opens the browser's own date picker and
// writes the chosen day back in that form. Without JavaScript the box alone works.
(function () {
  "use strict";
  function finnish(iso) {
    var parts = iso.split("-");
    return Number(parts[2]) + "." + Number(parts[1]) + "." + parts[0];
  }
  function iso(text) {
    var match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
    if (!match) return "";
    return match[3] + "-" + ("0" + match[2]).slice(-2) + "-" + ("0" + match[1]).slice(-2);
  }
  document.querySelectorAll("input[data-date-picker]").forEach(function (box) {
    var picker = document.createElement("input");
    picker.type = "date";
    picker.className = "date-picker-native";
    picker.tabIndex = -1;
    picker.setAttribute("aria-hidden", "true");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary date-picker-button";
    button.textContent = box.dataset.datePickerButton;
    var name = box.labels && box.labels.length ? box.labels[0].textContent.trim() : "";
    button.setAttribute("aria-label", box.dataset.datePicker + (name ? ": " + name : ""));
    button.addEventListener("click", function () {
      picker.value = iso(box.value);
      if (picker.showPicker) picker.showPicker(); else picker.focus();
    });
    picker.addEventListener("change", function () {
      if (picker.value) {
        box.value = finnish(picker.value);
        box.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
    box.insertAdjacentElement("afterend", button);
    button.insertAdjacentElement("afterend", picker);
  });
})();
