/* The matrix page: each row's buttons and comment box, drag and drop of rows (Sortable), Trix limited
   to what the sanitiser keeps, confirmations.

   A row is sent without its controls: the page holds them once, in <template id="matrix-row-tools">
   (the secretariat's buttons) and <template id="matrix-row-comment"> (the comment box), built for a
   placeholder id (reports/matrix_html.py). Each row gets a copy with its own id as it loads (the
   page, a swapped matrix or row), and one click handler runs the buttons: data-row-get opens the
   editor in place of the row, data-row-post (a move, a delete after data-confirm) swaps the matrix. */
(function () {
  "use strict";

  // Files are not part of a matrix cell: refuse attachments before Trix uploads anything.
  document.addEventListener("trix-file-accept", function (event) { event.preventDefault(); });

  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });

  // A refused change (403: final report or no right; 404: gone) swaps nothing: say so instead of staying silent.
  document.addEventListener("htmx:responseError", function (event) {
    var matrix = document.getElementById("matrix");
    var message = matrix && matrix.dataset.errorMessage;
    if (message) { window.alert(message + " (" + event.detail.xhr.status + ")"); }
  });

  function rowsIn(root) {
    if (root.matches && root.matches("tr.matrix-row")) { return [root]; }
    return root.querySelectorAll("tr.matrix-row");
  }

  function copyFor(template, id) {
    return template.innerHTML.split(template.getAttribute("data-placeholder")).join(id);
  }

  function stampControls(root) {
    var tools = document.getElementById("matrix-row-tools");
    var comment = document.getElementById("matrix-row-comment");
    if (!tools && !comment) { return; }
    Array.prototype.forEach.call(rowsIn(root), function (tr) {
      var id = tr.id.slice("row-".length);
      var cell = tr.querySelector(":scope > td.row-actions");
      if (!/^\d+$/.test(id) || !cell || cell.hasAttribute("data-stamped")) { return; }
      cell.setAttribute("data-stamped", "");
      if (tools) { cell.insertAdjacentHTML("afterbegin", copyFor(tools, id)); }
      var details = comment && cell.querySelector(":scope > details.comments");
      if (details) { details.insertAdjacentHTML("beforeend", copyFor(comment, id)); }
    });
  }

  // The row buttons: Edit swaps the row for its editor; Move and Delete swap the matrix. The button
  // is the request's source, so portal.js gives focus back to it (or into the swapped content).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#matrix [data-row-get], #matrix [data-row-post]");
    if (!button) { return; }
    var message = button.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { return; }
    if (button.hasAttribute("data-row-get")) {
      window.htmx.ajax("GET", button.getAttribute("data-row-get"), { source: button, target: button.closest("tr"), swap: "outerHTML" });
      return;
    }
    var values = button.hasAttribute("data-direction") ? { direction: button.getAttribute("data-direction") } : {};
    window.htmx.ajax("POST", button.getAttribute("data-row-post"), { source: button, target: "#matrix", swap: "innerHTML", values: values });
  });

  function sortableRows(root) {
    if (!window.Sortable) { return; }
    root.querySelectorAll("tbody[data-reorder-url]").forEach(function (tbody) {
      if (tbody.dataset.sortable) { return; }
      tbody.dataset.sortable = "1";
      window.Sortable.create(tbody, {
        group: "matrix-rows",
        handle: ".drag-handle",
        draggable: "tr.matrix-row",
        animation: 120,
        onEnd: function (event) {
          var target = event.to;
          var ids = Array.prototype.map.call(target.querySelectorAll("tr.matrix-row"), function (tr) { return tr.id.slice("row-".length); });
          window.htmx.ajax("POST", target.dataset.reorderUrl, { target: "#matrix", swap: "innerHTML", values: { row: ids } });
        }
      });
    });
  }

  window.htmx.onLoad(function (element) {
    var root = element.querySelectorAll ? element : document;
    stampControls(root);
    sortableRows(root);
  });
})();
