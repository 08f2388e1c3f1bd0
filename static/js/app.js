// Small behaviours any page may use, loaded on every page (the CSP forbids inline script and handlers).
//
// A long list of checkboxes (sites, people) marked data-picker="Find a site" gains a box to narrow it down by
// typing, and a line saying how many are ticked. Without JavaScript the list works as it is.
const PICKER_MIN_OPTIONS = 8;

function setUpPicker(fieldset) {
  const boxes = [...fieldset.querySelectorAll("input[type=checkbox][data-picker]")];
  if (boxes.length === 0) return;
  const list = boxes[0].closest(".form-check").parentElement;
  const status = document.createElement("p");
  status.className = "small text-body-secondary mb-1";
  status.setAttribute("aria-live", "polite");
  let shown = boxes.length;
  const describe = () => {
    const ticked = boxes.filter((box) => box.checked).length;
    const parts = [ticked ? `${ticked} ticked` : "None ticked"];
    if (shown < boxes.length) parts.push(`${shown} of ${boxes.length} shown`);
    status.textContent = parts.join(" · ");
  };
  if (boxes.length > PICKER_MIN_OPTIONS) {
    list.classList.add("picker-list");
    const search = document.createElement("input");
    search.type = "search";
    search.className = "form-control form-control-sm mb-1";
    search.id = `${boxes[0].name}-picker-search`;
    const label = document.createElement("label");
    label.className = "form-label small mb-0";
    label.htmlFor = search.id;
    label.textContent = boxes[0].dataset.picker;
    search.addEventListener("input", () => {
      const wanted = search.value.trim().toLowerCase();
      shown = 0;
      for (const box of boxes) {
        const row = box.closest(".form-check");
        const match = !wanted || row.textContent.toLowerCase().includes(wanted);
        row.hidden = !match;
        if (match) shown += 1;
      }
      describe();
    });
    // Enter in the search box narrows the list; it must not send the form half filled.
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });
    list.before(label, search, status);
  } else {
    list.before(status);
  }
  fieldset.addEventListener("change", () => describe());
  describe();
}

document.querySelectorAll("fieldset").forEach(setUpPicker);

// Fields marked data-show-when-status="closed failed" appear only while the form's status is one of those.
document.querySelectorAll("[data-show-when-status]").forEach((field) => {
  const status = field.form && field.form.elements.namedItem("status");
  if (!status) return;
  const wanted = field.dataset.showWhenStatus.split(" ");
  const wrapper = field.closest(".mb-3") || field;
  const update = () => {
    wrapper.hidden = !wanted.includes(status.value);
  };
  status.addEventListener("change", update);
  update();
});

// A button marked data-print prints the page (the CSP forbids onclick="window.print()").
document.querySelectorAll("button[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
