// The annotation list on a narrow screen: a "Notes (N)" button opens it as a panel over the
// article, and closing it (Close, Escape, or following a quote to its passage) puts the
// reader back where they were. Also "Show more" for long lists, loaded in place.

import { handlerUrl } from "./annotate.js";

const panel = document.querySelector(".annotations");
const toggle = document.querySelector(".notes-toggle");
const closeButton = panel?.querySelector(".panel-close");
const narrow = window.matchMedia("(max-width: 69.99rem)");
let readingAt = 0;

function setUp() {
  const use = narrow.matches;
  toggle.hidden = !use;
  closeButton.hidden = !use;
  panel.classList.toggle("as-panel", use);
  if (!use) close({ restore: false });
}

function open() {
  readingAt = window.scrollY;
  panel.classList.add("panel-open");
  document.documentElement.classList.add("panel-is-open");
  toggle.setAttribute("aria-expanded", "true");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-modal", "true");
  closeButton.focus();
}

function close({ restore = true, focus = true } = {}) {
  if (!panel.classList.contains("panel-open")) return;
  panel.classList.remove("panel-open");
  document.documentElement.classList.remove("panel-is-open");
  toggle.setAttribute("aria-expanded", "false");
  panel.removeAttribute("role");
  panel.removeAttribute("aria-modal");
  if (restore) window.scrollTo({ top: readingAt, behavior: "instant" });
  if (focus) toggle.focus({ preventScroll: true });
}

if (panel && toggle) {
  setUp();
  narrow.addEventListener("change", setUp);
  toggle.addEventListener("click", () => (panel.classList.contains("panel-open") ? close() : open()));
  closeButton.addEventListener("click", () => close());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && panel.classList.contains("panel-open") && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  });
  // Following a quote to its passage leaves the panel for the text.
  panel.addEventListener("click", (event) => {
    if (panel.classList.contains("panel-open") && event.target.closest("a.annotation-quote")) close({ restore: false, focus: false });
  });
}

// "Show more": the next page of the list, without leaving the page.
document.addEventListener("click", async (event) => {
  const more = event.target.closest(".more-annotations a[data-from]");
  if (!more) return;
  event.preventDefault();
  const response = await fetch(handlerUrl("More", { from: more.dataset.from }));
  if (!response.ok) return;
  const doc = new DOMParser().parseFromString(`<ol>${await response.text()}</ol>`, "text/html");
  const items = [...doc.querySelector("ol").children];
  const li = more.closest("li");
  li.replaceWith(...items);
  items[0]?.querySelector("a, button")?.focus({ preventScroll: true });
});
