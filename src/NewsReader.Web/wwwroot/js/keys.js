// Keyboard shortcuts for every page: j/k move through the article list, o or Enter opens,
// u goes back to the list, / searches, ? lists them all. Keys typed into a field are left alone.

const shortcuts = document.querySelector(".shortcuts-dialog");
const rows = () => [...document.querySelectorAll(".article-row")];

function typing(target) {
  return target.closest("input, textarea, select, [contenteditable]") !== null;
}

function select(index) {
  const all = rows();
  if (all.length === 0) return;
  const next = Math.max(0, Math.min(all.length - 1, index));
  all.forEach((row, i) => row.classList.toggle("selected", i === next));
  const link = all[next].querySelector("a.article-link");
  link.focus();
  all[next].scrollIntoView({ block: "nearest" });
}

function selectedIndex() {
  const all = rows();
  const focused = all.findIndex((row) => row.contains(document.activeElement));
  return focused >= 0 ? focused : all.findIndex((row) => row.classList.contains("selected"));
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  if (shortcuts.open && event.key !== "?") return;
  switch (event.key) {
    case "j":
      event.preventDefault();
      select(selectedIndex() + 1);
      break;
    case "k":
      event.preventDefault();
      select(Math.max(0, selectedIndex() - 1));
      break;
    case "o":
    case "Enter": {
      const index = selectedIndex();
      if (index < 0) return;
      const link = rows()[index].querySelector("a.article-link");
      if (event.key === "Enter" && document.activeElement === link) return; // the link opens itself
      event.preventDefault();
      link.click();
      break;
    }
    case "u":
      if (location.pathname !== "/") {
        event.preventDefault();
        location.assign("/");
      }
      break;
    case "/": {
      event.preventDefault();
      const box = document.querySelector("#search-q");
      if (box) box.focus();
      else location.assign("/search#search"); // search.js focuses the box there
      break;
    }
    case "?":
      event.preventDefault();
      if (shortcuts.open) shortcuts.close();
      else shortcuts.showModal();
      break;
  }
});
