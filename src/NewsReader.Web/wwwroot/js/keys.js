// Keyboard shortcuts for every page: j/k move through the article list (on past its last row
// to the older page, back past its first to the newer one), o or Enter opens, m marks the
// selected article read or unread, u goes back to the list, / searches, ? lists them all.
// Keys typed into a field are left alone.

const shortcuts = document.querySelector(".shortcuts-dialog");
const rows = () => [...document.querySelectorAll(".article-row")];

function typing(target) {
  return target.closest("input, textarea, select, [contenteditable]") !== null;
}

const csrf = document.querySelector('meta[name="csrf-token"]')?.content;

// Arriving from the page before or after by keyboard: select where the reader was heading.
const arrival = { "#select-first": 0, "#select-last": -1 }[location.hash];
if (arrival !== undefined && rows().length > 0) {
  history.replaceState(null, "", location.pathname + location.search);
  select(arrival < 0 ? rows().length - 1 : 0);
}

/** Follows the pager's link (rel next or prev), asking the new page to select its first or last row. */
function turnPage(rel, end) {
  const link = document.querySelector(`.pager a[rel="${rel}"]`);
  if (!link) return false;
  location.assign(link.getAttribute("href") + end);
  return true;
}

async function toggleRead(row) {
  const read = !row.classList.contains("is-read");
  const response = await fetch(`/api/articles/${encodeURIComponent(row.dataset.slug)}/state`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": csrf ?? "" },
    body: JSON.stringify({ read }),
  });
  if (response.ok) row.classList.toggle("is-read", read);
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
    case "j": {
      event.preventDefault();
      const index = selectedIndex();
      if (index === rows().length - 1 && turnPage("next", "#select-first")) return;
      select(index + 1);
      break;
    }
    case "k": {
      event.preventDefault();
      const index = selectedIndex();
      if (index === 0 && turnPage("prev", "#select-last")) return;
      select(Math.max(0, index - 1));
      break;
    }
    case "m": {
      const index = selectedIndex();
      if (index < 0) return;
      event.preventDefault();
      toggleRead(rows()[index]);
      break;
    }
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
