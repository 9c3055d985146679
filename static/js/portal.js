/* Behaviours every page may use, wired here because the Content-Security-Policy runs no inline
   script or event handler (onclick=, onchange=). Each is declared in the markup by a data attribute:
   - data-autosubmit on a field: changing it submits its form (the language switcher);
   - data-print on a button: prints the page (the sign-in sheet);
   - data-remove-closest="selector" on a button: removes that ancestor (an unsaved row, a closed panel);
   - data-focus-first on a form swapped in by htmx (an editor): focus goes to its first field, Escape
     presses its [data-cancel] button, and after Save or Cancel focus returns to what opened it;
   - data-announce="text" on swapped-in content: the page's live region (#live-status) says it;
   - data-focus-after-swap on swapped-in content: where focus goes when the swap took it away;
   - data-error-summary: a form's list of errors, focused on load, its links focus their field. */
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

  // Focus around htmx swaps (WCAG 2.4.3 focus order, 4.1.3 status messages). htmx replaces the
  // element that held the focus (an Edit button, a PDF box), which drops focus to <body>; these
  // handlers put it where a keyboard user expects it and say the result in the live region.
  var FOCUSABLE = "trix-editor, input:not([type=hidden]):not([disabled]), select:not([disabled]), " +
    "textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";
  var swap = null;
  var lastAnnounced = "";

  function announce(text) {
    var region = document.getElementById("live-status");
    if (!region || !text || text === lastAnnounced) { return; }
    lastAnnounced = text;
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 100);
  }

  function focusOn(element) {
    if (!element) { return; }
    if (!element.matches(FOCUSABLE) && !element.hasAttribute("tabindex")) { element.setAttribute("tabindex", "-1"); }
    element.focus();
  }

  // An editor's first field: what a person types in, not Trix's toolbar (which comes first in the DOM).
  function firstField(form) {
    var fields = form.querySelectorAll("trix-editor, input:not([type=hidden]):not([disabled]), select, textarea");
    for (var i = 0; i < fields.length; i++) {
      if (!fields[i].closest("trix-toolbar")) { return fields[i]; }
    }
    return form.querySelector(FOCUSABLE);
  }

  function find(root, selector) {
    return root.matches(selector) ? root : root.querySelector(selector);
  }

  // Where focus was when the request left: hx-disabled-elt disables a focused button, which drops
  // focus to <body> before the answer comes.
  var focusAtRequest = null;
  document.addEventListener("htmx:beforeRequest", function () { focusAtRequest = document.activeElement; });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var active = document.activeElement;
    if ((!active || active === document.body) && focusAtRequest && focusAtRequest.isConnected) { active = focusAtRequest; }
    var opened = find(target, "form[data-focus-first]");
    var trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
    swap = {
      silent: target.hasAttribute("data-silent"),
      hadFocus: !!active && active !== document.body && target.contains(active),
      returnTo: opened ? opened.getAttribute("data-return-focus") : null,
      opener: trigger && trigger.id ? trigger.id : (active && active.id) || null,
      said: decodeURIComponent(event.detail.xhr.getResponseHeader("X-Announce") || ""),
    };
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var root = event.target;
    var done = swap;
    swap = null;
    if (!done || !root.isConnected || !root.querySelector) { return; }
    var announcer = find(root, "[data-announce]");
    if (done.said) { announce(done.said); } else if (announcer && !done.silent) { announce(announcer.getAttribute("data-announce")); }
    var editor = find(root, "form[data-focus-first]");
    var summary = find(root, "[data-error-summary]");
    if (editor && !editor.hasAttribute("data-return-focus") && done.opener) {
      editor.setAttribute("data-return-focus", done.returnTo || done.opener);
    }
    if (summary) {
      focusOn(summary);
    } else if (editor) {
      focusOn(firstField(editor));
    } else if (done.returnTo && document.getElementById(done.returnTo)) {
      focusOn(document.getElementById(done.returnTo));
    } else if (done.hadFocus || document.activeElement === document.body && done.opener && !document.getElementById(done.opener)) {
      focusOn(find(root, "[data-focus-after-swap]") || root.querySelector(FOCUSABLE) || root);
    }
  });

  // A refused request (403, 404, 409...) swaps nothing: the live region says so.
  document.addEventListener("htmx:responseError", function (event) {
    var region = document.getElementById("live-status");
    if (region && region.dataset.refused) { announce(region.dataset.refused + " (" + event.detail.xhr.status + ")"); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var form = event.target.closest && event.target.closest("form[data-focus-first]");
    var cancel = form && form.querySelector("[data-cancel]");
    if (cancel) {
      event.preventDefault();
      cancel.click();
    }
  });

  // An error summary's links focus their field (a Trix field's link names its hidden input).
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) { return; }
    var id = link.getAttribute("href").slice(1);
    var field = document.querySelector("trix-editor[input='" + id + "']") || document.getElementById(id);
    if (field) {
      event.preventDefault();
      field.scrollIntoView({ block: "center" });
      focusOn(field);
    }
  });

  // Trix acts on its toolbar buttons' mousedown only: a keyboard press (a click with no pointer,
  // detail 0) applies the button's attribute here, at the editor's kept selection, and goes back to it.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("trix-toolbar .trix-button[data-trix-attribute]");
    if (!button || event.detail !== 0) { return; }
    var toolbar = button.closest("trix-toolbar");
    var element = toolbar && document.querySelector("trix-editor[toolbar='" + toolbar.id + "']");
    if (!element || !element.editor) { return; }
    var attribute = button.getAttribute("data-trix-attribute");
    element.focus();
    if (element.editor.attributeIsActive(attribute)) {
      element.editor.deactivateAttribute(attribute);
    } else {
      element.editor.activateAttribute(attribute);
    }
  });

  // Trix makes its toolbar buttons tabindex="-1" (reachable only by mouse): put them in the tab order.
  document.addEventListener("trix-initialize", function (event) {
    var toolbar = event.target.toolbarElement;
    if (toolbar) {
      toolbar.querySelectorAll(".trix-button[tabindex='-1']").forEach(function (button) { button.removeAttribute("tabindex"); });
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { focusOn(summary); }
  });
})();
