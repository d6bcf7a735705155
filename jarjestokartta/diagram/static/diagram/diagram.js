// Clicking a node in the drawn diagram focuses on it instead of leaving for its page; the SVG
// keeps the page links so that it is still a usable picture on its own and without script.
document.addEventListener("click", (event) => {
  const link = event.target.closest("#kaavio .diagram-canvas a");
  const node = link && link.closest("g.node");
  const form = document.querySelector("#kaavio form");
  if (!node || !form || !node.id.startsWith("node-")) return;
  if (event.ctrlKey || event.metaKey || event.shiftKey) return; // a new tab gets the page
  event.preventDefault();
  const select = form.querySelector("#keskus");
  // A body's count of members ("members:<id>") focuses on the body, where they are drawn;
  // a funder drawn in several places ("<id>~2") is still the one organisation.
  const id = node.id
    .slice("node-".length)
    .replace(/^members:/, "")
    .replace(/~\d+$/, "");
  if (![...select.options].some((option) => option.value === id)) {
    select.add(new Option(id, id));
  }
  select.value = id;
  form.requestSubmit();
});

// Choosing another region means leaving the focused organisation: clear it before htmx sends
// the form (a capturing listener runs before the form's own).
document.addEventListener(
  "change",
  (event) => {
    if (event.target.id !== "alue") return;
    const focus = document.querySelector("#kaavio #keskus");
    if (focus) focus.value = "";
  },
  true,
);
