/* The matrix page: drag and drop of rows (Sortable), Trix limited to what the sanitiser keeps, confirmations. */
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
          var ids = Array.prototype.map.call(target.querySelectorAll("tr.matrix-row"), function (tr) { return tr.dataset.row; });
          window.htmx.ajax("POST", target.dataset.reorderUrl, { target: "#matrix", swap: "innerHTML", values: { row: ids } });
        }
      });
    });
  }

  window.htmx.onLoad(function (element) { sortableRows(element.querySelectorAll ? element : document); });
})();
