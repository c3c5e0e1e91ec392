// Search as you type on /search: after a short pause the results are fetched (the last word
// read as a prefix, `live=1`) and swapped in, and the address follows the box, so reload and
// back show the same results. Without script the form still submits as before.

const box = document.querySelector("#search-q");
const form = box?.form;
const pause = 200;
let timer = 0;
let inFlight = null;
let shown = box?.value ?? "";

function urlFor(text) {
  return text.trim() === "" ? "/search" : `/search?q=${encodeURIComponent(text)}&live=1`;
}

async function update() {
  const text = box.value;
  if (text === shown) return;
  shown = text;
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const url = urlFor(text);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } });
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.querySelector("#search-results");
    if (!fresh || controller.signal.aborted) return;
    document.querySelector("#search-results").innerHTML = fresh.innerHTML;
    document.title = page.title;
    // One history entry for the whole typing, kept in step with the box.
    history.replaceState({ q: text }, "", url);
  } catch (error) {
    if (error.name === "AbortError") return;
    shown = "";
    document.querySelector("#search-results").innerHTML =
      '<p class="notice" role="status">The results could not be updated. Check your connection, then press Enter to search.</p>';
  }
}

if (box) {
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, pause);
  });
  // Enter searches the words as typed (no prefix); that page load is its own history entry.
  form.addEventListener("submit", () => clearTimeout(timer));
  // `/` on another page lands here with #search: put the cursor in the box.
  if (location.hash === "#search") {
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    history.replaceState(history.state, "", location.pathname + location.search);
  }
}
