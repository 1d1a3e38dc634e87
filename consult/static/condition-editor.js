// The condition editor: when a part's question changes, show that question's answers in
// place (from its <template>) instead of asking the server. Without this script the
// "show the answers" button does the same with one page load.
"use strict";
document.querySelectorAll("[data-condition-editor]").forEach((editor) => {
  const templates = new Map();
  editor.querySelectorAll("template[data-condition-target]").forEach((template) => {
    templates.set(template.dataset.conditionTarget, template);
  });
  editor.querySelectorAll("[data-condition-refresh]").forEach((button) => button.remove());
  editor.querySelectorAll("[data-condition-row]").forEach((row) => {
    const index = row.dataset.conditionRow;
    const select = row.querySelector("select");
    const shown = row.querySelector("[data-condition-shown]");
    const answers = row.querySelector("[data-condition-answers]");
    select.addEventListener("change", () => {
      const template = templates.get(select.value);
      const fresh = template ? template.content.cloneNode(true) : document.createDocumentFragment();
      fresh.querySelectorAll("[id], [for], [name], [aria-describedby]").forEach((node) => {
        for (const name of ["id", "for", "name", "aria-describedby"]) {
          const value = node.getAttribute(name);
          if (value) node.setAttribute(name, value.replaceAll("__N__", index));
        }
      });
      answers.replaceChildren(fresh);
      shown.value = select.value;
    });
  });
});
