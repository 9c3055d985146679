/* Behaviours every page may use, wired here because the Content-Security-Policy runs no inline
   script or event handler (onclick=, onchange=). Each is declared in the markup by a data attribute:
   - data-autosubmit on a field: changing it submits its form (the language switcher);
   - data-print on a button: prints the page (the sign-in sheet);
   - data-remove-closest="selector" on a button: removes that ancestor (an unsaved row, a closed panel). */
(function () {
  "use strict";

  // htmx under the CSP: no <style> of its own for the indicators (portal.css has them), no eval, and
  // no copying of style="" attributes while settling (Sortable and Bootstrap leave them on rows).
  // Set here, before DOMContentLoaded when htmx applies its config, rather than in an htmx-config
  // meta: htmx reads only the first such meta, and a page may need its own (the matrix page does).
  if (window.htmx) {
    Object.assign(window.htmx.config, {
      includeIndicatorStyles: false,
      allowEval: false,
      attributesToSettle: ["class", "width", "height"],
    });
  }

  document.addEventListener("change", function (event) {
    var field = event.target.closest("[data-autosubmit]");
    if (field && field.form) { field.form.requestSubmit(); }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-print], [data-remove-closest]");
    if (!button) { return; }
    if (button.hasAttribute("data-print")) {
      window.print();
      return;
    }
    var target = button.closest(button.getAttribute("data-remove-closest"));
    if (target) { target.remove(); }
  });
})();
