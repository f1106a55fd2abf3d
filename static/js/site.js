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

  // <form data-confirm="Are you sure?"> asks before submitting (the server still re-checks).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
})();
