// The meeting register: "Mark everyone present" fills the lines not yet marked, and the save bar (which stays at
// the bottom of the screen) names the members still not marked, each a link to their line. No inline script (CSP).
(() => {
  const form = document.querySelector("form[data-register]");
  if (!form) return;
  const lines = [...form.querySelectorAll("fieldset[data-member]")];
  const summary = document.getElementById("register-unmarked");
  const markAll = form.querySelector("[data-mark-all]");
  const unmarked = () => lines.filter((line) => !line.querySelector("input[type=radio]:checked"));

  const describe = () => {
    const waiting = unmarked();
    if (!waiting.length) {
      summary.textContent = "Everyone is marked.";
      return;
    }
    const links = waiting.map((line) => {
      const link = document.createElement("a");
      link.href = `#${line.id}`;
      link.textContent = line.dataset.name;
      return link;
    });
    const parts = [`Not marked yet (${waiting.length}): `];
    links.forEach((link, index) => parts.push(...(index ? [", ", link] : [link])));
    summary.replaceChildren(...parts);
  };

  form.addEventListener("change", (event) => {
    if (event.target.type === "radio") describe();
  });
  if (markAll) {
    form.querySelector("[data-mark-all-box]").hidden = false;
    markAll.addEventListener("click", () => {
      for (const line of unmarked()) {
        const present = line.querySelector("input[type=radio][value=present]");
        if (present) present.checked = true;
      }
      describe();
    });
  }
  describe();
})();
