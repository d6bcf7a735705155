// Addresses are written "user (at) domain" so that simple scrapers do not harvest them;
// for people, this joins them back into links.
document.querySelectorAll(".email[data-user][data-domain]").forEach((span) => {
  const address = span.dataset.user + "@" + span.dataset.domain;
  const link = document.createElement("a");
  link.href = "mailto:" + address;
  link.textContent = address;
  span.replaceChildren(link);
});
