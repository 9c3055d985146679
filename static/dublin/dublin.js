/* Country report editing: Trix takes no attachments (the sanitiser keeps none); confirm deletions. */
(function () {
  "use strict";
  document.addEventListener("trix-file-accept", function (event) { event.preventDefault(); });
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
})();
