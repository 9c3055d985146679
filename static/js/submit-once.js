/* A form marked data-submit-once sends once: a second click while the first is on its way
   does nothing, and the buttons show that they are busy. The server is idempotent anyway
   (locked selections, state checks); this spares the user the doubt. No inline script. */
(function () {
  "use strict";
  var BUSY = "submitting";

  function buttons(form) {
    return form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]');
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once")) return;
    if (form.dataset[BUSY]) {
      event.preventDefault();
      return;
    }
    form.dataset[BUSY] = "1";
    // Disabled after the submit has started, so the clicked button's name and value still go.
    window.setTimeout(function () {
      buttons(form).forEach(function (button) {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
      });
    }, 0);
  }, true);

  // Coming back with the browser's back button shows the page as it was: usable again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
      delete form.dataset[BUSY];
      buttons(form).forEach(function (button) {
        button.disabled = false;
        button.removeAttribute("aria-busy");
      });
    });
  });
})();
