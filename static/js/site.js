// Progressive enhancements only: every page works without this file.
// Loaded from our own origin; the Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";

  // <button type="button" data-copy="element-id" hidden>Copy</button>
  // The button stays hidden without JavaScript; with it, it copies the element's text.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target || !navigator.clipboard) return;
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      var text = "value" in target && target.value !== undefined ? target.value : target.textContent;
      navigator.clipboard.writeText(text).then(
        function () { button.textContent = "Copied"; },
        function () { button.textContent = "Copy failed: select the text and copy it"; }
      );
      window.setTimeout(function () { button.textContent = label; }, 2500);
    });
  });

  // Settings: the state/province list shows only the chosen country's regions, and hides
  // itself for other countries. The server checks the pair either way.
  var country = document.getElementById("id_country");
  var region = document.getElementById("id_region");
  if (country && region) {
    var regionField = region.closest(".field");
    var syncRegions = function () {
      var chosen = country.selectedIndex >= 0 ? country.options[country.selectedIndex].text : "";
      var offered = false;
      region.querySelectorAll("optgroup").forEach(function (group) {
        var match = group.label === chosen;
        group.hidden = !match;
        group.disabled = !match;
        offered = offered || match;
      });
      var selected = region.options[region.selectedIndex];
      if (selected && selected.parentNode.disabled) region.value = "";
      if (regionField) regionField.hidden = !offered;
    };
    country.addEventListener("change", syncRegions);
    // A region the server refused stays visible with its error until the person changes it.
    if (!regionField || !regionField.classList.contains("field-error")) syncRegions();
  }

  // <input type="hidden" data-time-zone>: the browser's time zone (e.g. "Europe/Dublin"), so
  // "today" and "08:00 your time" are the person's. The server checks the name it is given.
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  document.querySelectorAll("input[data-time-zone]").forEach(function (input) {
    if (zone && !input.value) input.value = zone;
  });
  // <select data-time-zone-default>: preselect the browser's zone when the page left it at UTC.
  document.querySelectorAll("select[data-time-zone-default]").forEach(function (select) {
    if (!zone || select.value !== "UTC") return;
    if (select.querySelector('option[value="' + zone.replace(/"/g, "") + '"]')) select.value = zone;
  });

  // After a server-side error the summary at the top takes the focus (screen readers read it),
  // and each of its links moves the focus to the field it names.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var field = document.getElementById(link.getAttribute("href").slice(1));
        if (!field) return;
        event.preventDefault();
        var details = field.closest("details");
        if (details) details.open = true;
        field.focus();
        field.scrollIntoView({ block: "center" });
      });
    });
  }

  // <form data-confirm="Are you sure?"> asks before submitting (the server still re-checks).
  // Without JavaScript the server asks on a page of its own (apps.core.confirm).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
        return;
      }
      if (!form.querySelector("input[name='confirmed']")) {
        var confirmed = document.createElement("input");
        confirmed.type = "hidden";
        confirmed.name = "confirmed";
        confirmed.value = "yes";
        form.appendChild(confirmed);
      }
    });
  });
})();
