// Below 600 px the header folds its links behind a Menu button, so it takes one line. Without
// script the links simply wrap, as they always did.

const header = document.querySelector(".site-header");
const toggle = header?.querySelector(".menu-toggle");

if (toggle) {
  header.classList.add("foldable");
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = header.classList.toggle("menu-open");
    toggle.setAttribute("aria-expanded", String(open));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && header.classList.contains("menu-open")) {
      header.classList.remove("menu-open");
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
}
