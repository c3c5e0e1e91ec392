// Reading progress for a signed-in reader: remembers the first block in view as an offset into
// the article's canonical text (so it survives font and window changes and new revisions),
// restores it on return, and marks the article read when its end comes into view.

const article = document.querySelector(".reader");
const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
const blocks = [...document.querySelectorAll(".reader-body [data-start]")];
const stateUrl = `/api/articles/${encodeURIComponent(article.dataset.slug)}/state`;

function save(change) {
  return fetch(stateUrl, {
    method: "PUT",
    headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": csrf ?? "" },
    body: JSON.stringify(change),
    keepalive: true,
  });
}

function firstBlockInView() {
  return blocks.find((block) => block.getBoundingClientRect().bottom > 0) ?? blocks[0];
}

// Restore: only when the reader did not ask for a particular place (a #annotation link).
const saved = Number(article.dataset.progress);
if (!location.hash && saved > 0 && article.dataset.read !== "true") {
  const target = [...blocks].reverse().find((block) => Number(block.dataset.start) <= saved);
  target?.scrollIntoView({ block: "start" });
}

let lastSaved = saved;
let timer = null;
window.addEventListener("scroll", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const offset = Number(firstBlockInView()?.dataset.start ?? 0);
    if (offset !== lastSaved) {
      lastSaved = offset;
      save({ progressOffset: offset });
    }
  }, 400);
}, { passive: true });

if (article.dataset.read !== "true" && blocks.length > 0) {
  const end = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting) && window.scrollY > 0) {
      end.disconnect();
      article.dataset.read = "true";
      save({ read: true });
    }
  });
  end.observe(blocks[blocks.length - 1]);
}
