// The reader's selection toolbar. Everything here is an enhancement: reading, the annotation
// list, editing and deleting all work without it. Selections become W3C selectors on the
// article's canonical text: the blocks' text joined by blank lines, with offsets counted in
// code points (the browser counts UTF-16 units, so we convert here, at the edge).

const article = document.querySelector(".reader");
const body = document.querySelector(".reader-body");
const toolbar = document.querySelector(".selection-toolbar");
const dialog = document.querySelector(".note-dialog");
const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
const CONTEXT = 32;

const blocks = () => [...body.querySelectorAll("[data-start]")];
const canonicalText = () => blocks().map((b) => b.textContent).join("\n\n");
const codePointLength = (s) => [...s].length;

// UTF-16 offset of a DOM point inside the canonical text.
function offsetOf(node, offset) {
  let total = 0;
  for (const block of blocks()) {
    if (block === node || block.contains(node)) {
      const range = document.createRange();
      range.selectNodeContents(block);
      range.setEnd(node, offset);
      return total + range.toString().length;
    }
    total += block.textContent.length + 2;
  }
  return null;
}

function clampToBody(range) {
  const start = body.contains(range.startContainer) ? offsetOf(range.startContainer, range.startOffset) : 0;
  const end = body.contains(range.endContainer) ? offsetOf(range.endContainer, range.endOffset) : canonicalText().length;
  return start === null || end === null ? null : { start, end };
}

// The W3C selectors for the current selection, or null when nothing of the article is selected.
function currentSelectors() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.commonAncestorContainer) && !range.intersectsNode(body)) return null;
  const span = clampToBody(range);
  if (!span || span.end <= span.start) return null;
  const text = canonicalText();
  const exact = text.slice(span.start, span.end);
  if (!exact.trim()) return null;
  const before = [...text.slice(0, span.start)];
  const after = [...text.slice(span.end)];
  const start = before.length;
  return {
    quote: { type: "TextQuoteSelector", exact, prefix: before.slice(-CONTEXT).join(""), suffix: after.slice(0, CONTEXT).join("") },
    position: { type: "TextPositionSelector", start, end: start + codePointLength(exact) },
  };
}

function annotationBody(selectors, { color = "yellow", note = "", tags = [], visibility = "private" } = {}) {
  const bodies = [];
  if (note.trim()) bodies.push({ type: "TextualBody", value: note, format: "text/markdown", purpose: "commenting" });
  for (const tag of tags) bodies.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    body: bodies,
    target: { source: `${location.origin}/articles/${article.dataset.slug}`, styleClass: color, selector: [selectors.quote, selectors.position] },
    visibility,
  };
}

async function send(method, url, payload) {
  const response = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": csrf ?? "" },
    body: JSON.stringify(payload),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `The server answered ${response.status}.`);
  }
  return response.json();
}

function showError(message) {
  const errors = document.querySelector(".annotations .form-errors");
  errors.textContent = message;
  errors.scrollIntoView({ block: "nearest" });
}

async function create(selectors, options) {
  const annotation = await send("POST", "/api/annotations", annotationBody(selectors, options));
  const id = annotation.id.split("/").pop();
  // The server renders marks, the list and the note; load its page at the new passage.
  location.assign(`${location.pathname}#annotation-${id}`);
  location.reload();
}

let pending = null; // the selection the toolbar acts on
let noteTarget = null; // the selection the note dialog will save

function hideToolbar() {
  toolbar.hidden = true;
}

function placeToolbar() {
  if (dialog.open) return;
  pending = currentSelectors();
  if (!pending) return hideToolbar();
  const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
  toolbar.hidden = false;
  toolbar.style.top = `${window.scrollY + rect.top - toolbar.offsetHeight - 8}px`;
  toolbar.style.left = `${Math.max(8, window.scrollX + rect.left + rect.width / 2 - toolbar.offsetWidth / 2)}px`;
  document.querySelectorAll(".reattach-selection").forEach((b) => (b.hidden = false));
}

function openNoteDialog(selectors) {
  noteTarget = selectors;
  dialog.querySelector(".note-quote").textContent = selectors.quote.exact;
  dialog.querySelector(".dialog-error").textContent = "";
  dialog.showModal();
  dialog.querySelector("textarea").focus();
}

function flash(id) {
  const marks = document.querySelectorAll(`mark[data-annotation-id="${CSS.escape(id)}"]`);
  marks.forEach((m) => {
    m.classList.remove("flash");
    void m.offsetWidth; // restart the animation
    m.classList.add("flash");
  });
  marks[0]?.scrollIntoView({ block: "center" });
  document.querySelectorAll(".annotation-item.current").forEach((i) => i.classList.remove("current"));
  const item = document.querySelector(`.annotation-item[data-annotation-id="${CSS.escape(id)}"]`);
  item?.classList.add("current");
  if (marks.length === 0) item?.scrollIntoView({ block: "center" }); // an orphan: only its entry
}

function flashFromHash() {
  const match = /^#annotation-([0-9a-f-]{36})$/i.exec(location.hash);
  if (match) flash(match[1]);
}

if (toolbar && article.dataset.signedIn === "true") {
  document.addEventListener("mouseup", () => setTimeout(placeToolbar, 0));
  document.addEventListener("keyup", (event) => {
    if (event.key.startsWith("Shift") || event.key.startsWith("Arrow")) placeToolbar();
  });
  document.addEventListener("selectionchange", () => {
    if (window.getSelection()?.isCollapsed) hideToolbar();
  });
  toolbar.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
  toolbar.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || !pending) return;
    const selectors = pending;
    hideToolbar();
    if (button.dataset.action === "note") return openNoteDialog(selectors);
    create(selectors, { color: button.dataset.color }).catch((e) => showError(e.message));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "h" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable], dialog")) return;
    const selectors = currentSelectors();
    if (!selectors) return;
    event.preventDefault();
    hideToolbar();
    create(selectors, { color: "yellow" }).catch((e) => showError(e.message));
  });
  dialog.querySelector("[data-action=cancel]").addEventListener("click", () => dialog.close());
  dialog.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const options = {
      note: form.querySelector("[name='Form.Note']").value,
      tags: form.querySelector("[name='Form.Tags']").value.split(",").map((t) => t.trim()).filter(Boolean),
      color: form.querySelector("[name='Form.Color']").value,
      visibility: form.querySelector("[name='Form.Visibility']").value.toLowerCase(),
    };
    create(noteTarget, options).catch((e) => (dialog.querySelector(".dialog-error").textContent = e.message));
  });
  document.addEventListener("click", async (event) => {
    const button = event.target.closest(".reattach-selection");
    if (!button) return;
    const selectors = currentSelectors() ?? pending;
    if (!selectors) return showError("Select the new text in the article first.");
    try {
      // Keep the note, tags, colour and visibility: change only the target's selectors.
      const url = `/api/annotations/${button.dataset.annotationId}`;
      const current = await (await fetch(url)).json();
      current.target.selector = [selectors.quote, selectors.position];
      await send("PUT", url, current);
      location.reload();
    } catch (e) {
      showError(e.message);
    }
  });

  // Edit in place: load the annotation's editor into its entry in the list.
  document.addEventListener("click", async (event) => {
    const link = event.target.closest(".annotation-item .edit-link");
    if (!link) return;
    event.preventDefault();
    const item = link.closest(".annotation-item");
    const open = item.querySelector(".annotation-editor");
    if (open) {
      open.remove();
      link.setAttribute("aria-expanded", "false");
      return;
    }
    const response = await fetch(link.href);
    if (!response.ok) return showError(`The editor could not be loaded (${response.status}).`);
    const editor = new DOMParser().parseFromString(await response.text(), "text/html").querySelector(".annotation-editor");
    link.after(editor);
    link.setAttribute("aria-expanded", "true");
    editor.querySelector("textarea, input:not([type=hidden])")?.focus();
  });
}

window.addEventListener("hashchange", flashFromHash);
flashFromHash();
