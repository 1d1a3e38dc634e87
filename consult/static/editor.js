// Reorder and remove list items (answer options, questions) without reloading the page.
// The buttons are ordinary forms that work without JavaScript; here they are sent in the
// background, and on success the item moves or goes, focus stays on the pressed button
// and a polite status line says what happened.
(function () {
  "use strict";
  function announce(list, text) {
    var status = document.getElementById(list.getAttribute("data-live-list"));
    if (status) { status.textContent = text; }
  }
  function send(form, button) {
    var data = new FormData(form);
    if (button && button.name) { data.append(button.name, button.value); }
    return fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }, redirect: "follow"
    });
  }
  document.querySelectorAll("[data-live-list]").forEach(function (list) {
    list.addEventListener("submit", function (event) {
      var form = event.target;
      var item = form.closest("li");
      var button = event.submitter;
      var action = form.action;
      var moving = /\/move$/.test(action);
      var deleting = /\/delete$/.test(action);
      if (!item || !(moving || deleting)) { return; }
      event.preventDefault();
      send(form, button).then(function (response) {
        if (response.status !== 204) { window.location.reload(); return; }
        if (deleting) {
          var next = item.nextElementSibling || item.previousElementSibling;
          item.remove();
          announce(list, list.getAttribute("data-deleted") || "");
          var focus = next ? next.querySelector("input, button") : null;
          if (focus) { focus.focus(); }
          return;
        }
        var up = button && button.value === "up";
        var sibling = up ? item.previousElementSibling : item.nextElementSibling;
        if (sibling) {
          list.insertBefore(item, up ? sibling : sibling.nextElementSibling);
          announce(list, list.getAttribute(up ? "data-moved-up" : "data-moved-down") || "");
        }
        if (button) { button.focus(); }
      }).catch(function () { window.location.reload(); });
    });
  });
})();
