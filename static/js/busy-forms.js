// A form marked data-busy="Importing…" shows it is working once sent: its button says so and stops taking clicks
// (no second upload), and a status line beside it is announced to screen-reader users. No inline script (CSP).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.busy) return;
  if (form.getAttribute("aria-busy") === "true") {
    event.preventDefault();
    return;
  }
  form.setAttribute("aria-busy", "true");
  const button = event.submitter || form.querySelector("[type=submit]");
  if (button) {
    button.classList.add("disabled");
    button.setAttribute("aria-disabled", "true");
  }
  const status = form.querySelector("[data-busy-status]"); // an empty live region, filled in now
  if (status) {
    const spinner = document.createElement("span");
    spinner.className = "spinner-border spinner-border-sm flex-shrink-0";
    spinner.setAttribute("aria-hidden", "true");
    const text = document.createElement("span");
    text.textContent = form.dataset.busy;
    status.replaceChildren(spinner, text);
  }
});
