// When the digest being prepared is ready, the page says so where the person is looking: the tab's title
// changes (for someone who went to another tab) and the download button takes the focus. No inline script (CSP).
document.body.addEventListener("htmx:afterSwap", (event) => {
  const status = document.getElementById("digest-status");
  if (!status || !status.hasAttribute("data-ready") || document.title.startsWith("Ready: ")) return;
  document.title = `Ready: ${document.title}`;
  const download = status.querySelector("a.btn");
  if (download) download.focus();
});
