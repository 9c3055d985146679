/* Agenda editor: drag rows by their handle; the new order is posted and the body swapped. */
(function () {
  function enable(body) {
    if (!body || body.dataset.sortable) return;
    body.dataset.sortable = "1";
    Sortable.create(body, {
      handle: ".drag-handle",
      draggable: "tr.agenda-row",
      animation: 150,
      onEnd: function () {
        var ids = Array.from(body.querySelectorAll("tr.agenda-row")).map(function (row) { return row.dataset.id; });
        htmx.ajax("POST", body.dataset.reorderUrl, { target: "#agenda-body", swap: "outerHTML", values: { ids: ids.join(",") } });
      },
    });
  }
  htmx.onLoad(function () { enable(document.getElementById("agenda-body")); });
})();
